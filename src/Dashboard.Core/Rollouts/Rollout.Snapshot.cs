using Dashboard.Core.Plans;

namespace Dashboard.Core.Rollouts;

// Saving and loading: a store keeps RolloutSnapshot (primitives, enums and the plan's JSON) and
// rebuilds the aggregate with FromSnapshot, which refuses anything inconsistent rather than
// guessing.
public sealed partial class Rollout
{
    public RolloutSnapshot ToSnapshot() => new(
        Id,
        Service,
        BaselineVersion,
        CandidateVersion,
        Plan.Id,
        PlanJson.Serialize(Plan),
        CreatedBy,
        CreatedAt,
        StartedBy,
        StartedAt,
        CurrentPhaseIndex,
        CanaryWeightPercent,
        Status,
        Version,
        [.. phases]);

    /// <summary>Rebuilds a rollout; throws <see cref="InvalidOperationException"/> naming the rollout when the snapshot is inconsistent.</summary>
    public static Rollout FromSnapshot(RolloutSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var parsed = PlanJson.Parse(snapshot.PlanJson);
        if (!parsed.IsValid)
        {
            throw Inconsistent(snapshot, "its plan is invalid: " + string.Join("; ", parsed.Problems));
        }

        var plan = parsed.Plan;
        var stored = snapshot.Phases ?? [];
        if (stored.Count != plan.Phases.Count)
        {
            throw Inconsistent(snapshot, $"it has {stored.Count} phases but its plan has {plan.Phases.Count}");
        }

        var progress = stored.OrderBy(phase => phase.Index).ToArray();
        for (var index = 0; index < progress.Length; index++)
        {
            if (progress[index].Index != index || progress[index].Name != plan.Phases[index].Name)
            {
                throw Inconsistent(snapshot, $"phase {index} is stored as {progress[index].Index} '{progress[index].Name}', the plan says '{plan.Phases[index].Name}'");
            }
        }

        if (snapshot.CurrentPhaseIndex < 0 || snapshot.CurrentPhaseIndex >= progress.Length)
        {
            throw Inconsistent(snapshot, $"current phase {snapshot.CurrentPhaseIndex} is outside 0..{progress.Length - 1}");
        }

        if (snapshot.CanaryWeightPercent is < 0 or > 100)
        {
            throw Inconsistent(snapshot, $"weight {snapshot.CanaryWeightPercent} is outside 0..100");
        }

        var rollout = new Rollout(
            snapshot.Id, snapshot.Service, snapshot.BaselineVersion, snapshot.CandidateVersion, plan, snapshot.CreatedBy, snapshot.CreatedAt, progress)
        {
            StartedBy = snapshot.StartedBy,
            StartedAt = snapshot.StartedAt,
            CurrentPhaseIndex = snapshot.CurrentPhaseIndex,
            CanaryWeightPercent = snapshot.CanaryWeightPercent,
            Version = snapshot.Version,
        };

        if (rollout.Status != snapshot.Status)
        {
            throw Inconsistent(snapshot, $"status {snapshot.Status} does not match its phases ({rollout.Status})");
        }

        return rollout;
    }

    private static InvalidOperationException Inconsistent(RolloutSnapshot snapshot, string why) =>
        new($"Stored rollout {snapshot.Id} is inconsistent: {why}.");
}
