using Dashboard.Core.Plans;
using Dashboard.Infrastructure.Checkpoints;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Shared;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// Re-runs a stored checkpoint's evaluation over the same window with the same evaluator and request
/// as the scheduled run (<see cref="CheckpointRequestBuilder"/>), for "why did it fail?" and for data
/// that arrived late. It never replaces the persisted verdict and never acts on the rollout; the
/// re-run itself is audited (<c>checkpoint.reevaluated</c>, who and why) before the result is shown.
/// </summary>
public sealed class CheckpointReevaluation(
    CheckpointDetails details,
    CheckpointRequestBuilder requests,
    CheckpointEvaluator evaluator,
    AccessAuthorization authorization,
    AuditLog audit)
{
    public async Task<Outcome<CheckpointRerun>> RerunAsync(
        Guid rolloutId, int phaseIndex, long offsetSeconds, CheckpointRerunRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        if (await authorization.RequireAsync(actor, Operation.ReevaluateCheckpoint, rolloutId, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<CheckpointRerun>(denial);
        }

        if (await details.FindAsync(rolloutId, phaseIndex, offsetSeconds, cancellationToken) is not { } checkpoint)
        {
            return Outcomes.NotFound<CheckpointRerun>(
                $"Rollout {rolloutId} has no evaluated checkpoint {offsetSeconds} s into phase {phaseIndex}.");
        }

        var problems = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            problems["reason"] = ["reason is required: why re-run it"];
        }

        if (problems.Count > 0)
        {
            return Outcomes.Invalid<CheckpointRerun>(problems);
        }

        var stored = checkpoint.Evaluation;
        var built = await requests.BuildAsync(
            rolloutId, checkpoint.Plan, phaseIndex, checkpoint.Verdict.PhaseStartedAt, stored.CheckpointOffset, cancellationToken);

        // The stored window wins: the time scale may have changed since, and the point is the same window.
        // A re-run reads the whole window again (no reused sums), so points that came late count.
        var fresh = await evaluator.EvaluateAsync(built with { Window = stored.Window, FreshRead = true }, cancellationToken);
        var rerun = new CheckpointRerun(stored, fresh, RerunComparison.Between(stored, fresh), actor.Name, request.Reason!.Trim());
        await audit.AppendAsync(actor.Name, "checkpoint.reevaluated", rolloutId, new
        {
            phaseIndex,
            phase = stored.PhaseName,
            checkpoint = PlanDuration.Format(stored.CheckpointOffset),
            reason = rerun.Reason,
            window = new { from = stored.Window.PhaseStart, to = stored.Window.DueAt },
            storedVerdict = rerun.StoredVerdict.ToString(),
            freshVerdict = rerun.FreshVerdict.ToString(),
            changed = rerun.Changes.Where(c => c.Differs).Select(c => c.Metric).ToArray(),
        }, cancellationToken);
        return Outcomes.Succeeded(rerun);
    }
}
