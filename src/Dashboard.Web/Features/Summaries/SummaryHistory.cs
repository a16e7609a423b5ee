using Dashboard.Core.Plans;
using Dashboard.Core.SignOffs;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Checkpoints;
using Dashboard.Web.Shared.Components;

namespace Dashboard.Web.Features.Summaries;

/// <summary>
/// Reads what happened in one phase run up to a summary's period end from the stores the pages read: incidents
/// open during the period, the run's checkpoint verdicts due before its end (one due at the very moment is
/// evaluated a settle delay later, so it would be there or not by chance), people's checkpoint decisions and
/// sign-offs, and the phase's traffic changes with their fate — in words.
/// </summary>
public sealed class SummaryHistory(
    IncidentStore incidents,
    CheckpointVerdictStore verdicts,
    CheckpointDecisionStore decisions,
    GateRecordStore gates,
    TrafficChangeLog traffic)
{
    public async Task<SummaryEvents> ReadAsync(Guid rolloutId, int phaseIndex, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken = default)
    {
        var open = (await incidents.ListAsync(rolloutId, cancellationToken))
            .Where(i => i.OpenedAt <= end && (i.ResolvedAt is null || i.ResolvedAt >= start))
            .OrderBy(i => i.OpenedAt)
            .Select(i => new SummaryIncident(i.Severity.ToLowerInvariant(), i.Title, i.Owner, i.OpenedAt, i.ResolvedAt <= end ? i.ResolvedAt : null, i.ResolvedAt is null || i.ResolvedAt > end))
            .ToList();

        var said = new List<SummaryDecision>();
        var run = (await verdicts.ListAsync(rolloutId, cancellationToken))
            .Where(v => v.PhaseIndex == phaseIndex && v.PhaseStartedAt == start && v.DueAt < end);
        foreach (var verdict in run)
        {
            var offset = PlanDuration.Format(TimeSpan.FromSeconds(verdict.CheckpointOffsetSeconds));
            var overall = Enum.Parse<Core.Evaluation.Verdict>(verdict.OverallVerdict);
            said.Add(new SummaryDecision(
                verdict.EvaluatedAt,
                "Checkpoint",
                AutomationActors.Checkpoints.Name,
                $"{offset}: {VerdictPresentation.Label(overall)}, suggested: {DecisionLabels.Label(verdict.SuggestedDecision).ToLowerInvariant()}"));
            said.AddRange((await decisions.ListAsync(verdict.Id, cancellationToken))
                .Where(d => d.DecidedAt <= end)
                .Select(d => new SummaryDecision(d.DecidedAt, "Decision", d.DecidedBy, $"{offset}: {DecisionLabels.Label(d.Decision)} — {d.Notes}")));
        }

        said.AddRange((await gates.ListAsync(rolloutId, phaseIndex, start, cancellationToken)).SignOffs
            .Where(s => s.At <= end)
            .Select(s => new SummaryDecision(s.At, "Sign-off", s.By, $"{RoleWords(s.Role)}: {DecisionWords(s.Decision)} — {s.Comment}")));

        var changes = (await traffic.ListAsync(rolloutId, cancellationToken))
            .Where(c => c.PhaseIndex == phaseIndex && c.RequestedAt >= start && c.RequestedAt <= end)
            .OrderBy(c => c.RequestedAt)
            .Select(c => new SummaryTrafficChange(
                c.RequestedAt, c.FromPercent, c.ToPercent, c.RequestedBy, c.Reason, Vocabulary.State(c.Status), c.FailureMessage))
            .ToList();

        return new SummaryEvents(open, [.. said.OrderBy(d => d.At)], changes);
    }

    private static string RoleWords(string role) => Enum.TryParse<SignOffRole>(role, out var parsed) ? Vocabulary.Role(parsed) : role;

    private static string DecisionWords(string decision) => Enum.TryParse<SignOffDecision>(decision, out var parsed)
        ? parsed == SignOffDecision.NoGo ? "NO-GO" : "GO"
        : decision;
}
