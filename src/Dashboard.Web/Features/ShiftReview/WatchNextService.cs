using System.Globalization;
using Dashboard.Core.Checkpoints;
using Dashboard.Core.History;
using Dashboard.Core.Incidents;
using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Checkpoints;
using Dashboard.Web.Features.Guardrails;
using Dashboard.Web.Features.Incidents;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Features.Shifts;
using Dashboard.Web.Features.SignOffs;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.ShiftReview;

/// <summary>
/// What the incoming shift must watch (docs/shift-review.md): read from the saved rollouts, their checkpoint
/// schedule and verdicts, their gates, the open incidents, the decisions and contingencies in the audit log, and
/// the guardrails' latest poll. Reads per unfinished rollout (a handful), never per event.
/// </summary>
public sealed class WatchNextService(
    RolloutStore rollouts,
    CheckpointVerdictStore verdicts,
    GateService gates,
    IncidentService incidents,
    AuditWindowQuery audit,
    GuardrailStatusBoard guardrails,
    IOptions<RolloutClockOptions> clock,
    TimeProvider timeProvider)
{
    private static readonly string[] FollowUpKinds = [GuardrailAuditKinds.Contingency, "checkpoint.decided"];

    /// <summary>What to watch in <paramref name="next"/>, the shift after the one under review.</summary>
    public Task<WatchNext> ReadAsync(ShiftWindow next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(next);
        return ReadAsync(next.Start, next.End, cancellationToken);
    }

    /// <param name="nextFrom">The next shift's start.</param>
    /// <param name="nextTo">The next shift's end.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<WatchNext> ReadAsync(DateTimeOffset nextFrom, DateTimeOffset nextTo, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var active = (await rollouts.ListAsync(cancellationToken)).Select(Rollout.FromSnapshot)
            .Where(r => r.Status is RolloutStatus.InProgress or RolloutStatus.Held).ToList();
        var names = active.ToDictionary(r => r.Id, r => $"{r.Service} {r.CandidateVersion}");
        var followUps = await audit.ReadForRolloutsAsync(names.Keys, FollowUpKinds, cancellationToken);
        var checkpoints = new List<DueCheckpoint>();
        var signOffs = new List<PendingSignOff>();
        foreach (var rollout in active)
        {
            checkpoints.AddRange(await DueAsync(rollout, names[rollout.Id], nextFrom, nextTo, cancellationToken));
            if (rollout.CurrentState == PhaseState.AwaitingSignOff && await gates.FindCurrentAsync(rollout.Id, cancellationToken) is { } gate)
            {
                signOffs.Add(new PendingSignOff(
                    rollout.Id, names[rollout.Id], gate.PhaseName,
                    [.. gate.Roles.Where(r => r.Latest is null).Select(r => r.RoleText)],
                    [.. gate.Roles.Where(r => r.Latest is { IsGo: false }).Select(r => $"{r.RoleText} ({r.Latest!.By})")],
                    ReviewLinks.Rollout(rollout.Id)));
            }
        }

        var open = (await incidents.ListOpenAsync(cancellationToken))
            .Select(i => new WatchIncident(
                i.Id, i.RolloutId, names.GetValueOrDefault(i.RolloutId, "finished rollout"), Enum.TryParse<IncidentSeverity>(i.Severity, out var s) ? s : IncidentSeverity.Critical,
                i.Title, i.Owner, i.OpenedAt, ReviewLinks.Rollout(i.RolloutId)))
            .OrderByDescending(i => i.Severity).ThenBy(i => i.OpenedAt).ToList();
        return new WatchNext(
            now, nextFrom, nextTo,
            [.. checkpoints.OrderBy(c => c.DueAt)],
            signOffs,
            open,
            [.. MonitorWindows(followUps, active, names, now)],
            [.. ActionItems(followUps, names)],
            [.. GuardrailWatches(names)]);
    }

    private async Task<IEnumerable<DueCheckpoint>> DueAsync(Rollout rollout, string name, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (rollout.CurrentState != PhaseState.Running || rollout.CurrentProgress.StartedAt is not { } started)
        {
            return [];
        }

        var done = (await verdicts.ListAsync(rollout.Id, cancellationToken))
            .Where(v => v.PhaseIndex == rollout.CurrentPhaseIndex && v.PhaseStartedAt == started)
            .Select(v => v.CheckpointOffsetSeconds)
            .ToHashSet();
        return rollout.CurrentPhase.Checkpoints
            .Where(offset => !done.Contains((long)offset.TotalSeconds))
            .Select(offset => (Offset: offset, DueAt: started + clock.Value.Scale(offset)))
            .Where(c => c.DueAt >= from && c.DueAt < to)
            .Select(c => new DueCheckpoint(
                rollout.Id, name, rollout.CurrentPhase.Name, PlanDuration.Format(c.Offset), c.DueAt,
                CheckpointRoutes.Page(rollout.Id, rollout.CurrentPhaseIndex, (long)c.Offset.TotalSeconds)));
    }

    private static IEnumerable<MonitorWindow> MonitorWindows(
        IReadOnlyList<AuditEventRecord> followUps, IReadOnlyList<Rollout> active, Dictionary<Guid, string> names, DateTimeOffset now)
    {
        var phaseStarts = active.ToDictionary(r => r.Id, r => (r.CurrentPhaseIndex, r.CurrentProgress.StartedAt));
        foreach (var e in followUps)
        {
            var p = AuditPayload.Parse(e.PayloadJson);
            var id = e.RolloutId!.Value;
            var href = ReviewLinks.AuditEntry(id, e.Sequence);
            if (e.Kind == GuardrailAuditKinds.Contingency
                && string.Equals(p.Text("action"), nameof(CheckpointDecision.MonitorClosely), StringComparison.Ordinal)
                && p.Text("duration") is { } text && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var duration)
                && e.At + duration > now)
            {
                yield return new MonitorWindow(id, names[id], $"guardrail: '{p.Text("condition")}' held", e.At, e.At + duration, href);
            }
            else if (e.Kind == "checkpoint.decided"
                && string.Equals(p.Text("decision"), nameof(CheckpointDecision.MonitorClosely), StringComparison.Ordinal)
                && phaseStarts[id] is var (phase, started) && p.Int("phaseIndex") == phase && started is { } since && e.At >= since)
            {
                yield return new MonitorWindow(id, names[id], $"decided by {e.Actor} at checkpoint {p.Text("checkpoint")}: {p.Text("notes")}", e.At, null, href);
            }
        }
    }

    private static IEnumerable<OpenActionItem> ActionItems(IReadOnlyList<AuditEventRecord> followUps, Dictionary<Guid, string> names) =>
        followUps.Where(e => e.Kind == "checkpoint.decided").SelectMany(e => AuditPayload.Parse(e.PayloadJson).Objects("actionItems").Select(item => new OpenActionItem(
            e.RolloutId!.Value, names[e.RolloutId!.Value], item.Text("text") ?? "", item.Text("owner") ?? "",
            item.Text("due") is { } due && DateOnly.TryParse(due, CultureInfo.InvariantCulture, out var day) ? day : null,
            e.At, ReviewLinks.AuditEntry(e.RolloutId!.Value, e.Sequence))))
        .OrderBy(i => i.Due ?? DateOnly.MaxValue).ThenBy(i => i.AgreedAt);

    private IEnumerable<GuardrailWatch> GuardrailWatches(Dictionary<Guid, string> names)
    {
        foreach (var rollout in guardrails.Current.Rollouts.Where(r => names.ContainsKey(r.RolloutId)))
        {
            if (rollout.BlindSince is { } blind)
            {
                yield return new GuardrailWatch(rollout.RolloutId, names[rollout.RolloutId],
                    $"blind: no data for {string.Join(", ", rollout.BlindMetrics.Select(Dashboard.Core.Metrics.MetricCatalog.LabelOf))}", blind);
            }

            foreach (var rule in rollout.Rules.Where(r => r.Streak > 0))
            {
                yield return new GuardrailWatch(rollout.RolloutId, names[rollout.RolloutId],
                    $"'{rule.Condition}' breached {rule.Streak} of {rule.Required} polls in a row ({rule.Action} at {rule.Required})", rule.StreakSince);
            }
        }
    }
}
