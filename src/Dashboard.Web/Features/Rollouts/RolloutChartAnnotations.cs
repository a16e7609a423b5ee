using System.Text.Json;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Shared.Charts;
using Dashboard.Web.Shared.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>
/// Chart annotations from what is already persisted: applied traffic changes (the traffic-change log),
/// rollout starts, phase advances and retries, holds and resumes, rollbacks and aborts (the audit log),
/// and opened incidents. Charts re-read them when the rollout feed says a rollout or incident was saved.
/// </summary>
public sealed class RolloutChartAnnotations(IDbContextFactory<WarRoomDbContext> contextFactory, RolloutChangeFeed changes) : IChartAnnotationSource
{
    private static readonly string[] AuditKinds =
        ["rollout.started", "phase.advanced", "phase.retried", "phase.held", "phase.resumed", "rollout.rolledBack", "rollout.aborted"];

    public IChangeFeed<Guid> Changes { get; } = new RolloutIds(changes);

    public async Task<IReadOnlyList<ChartAnnotation>> ReadAsync(DateTimeOffset from, DateTimeOffset to, Guid? rolloutId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var names = await db.Rollouts.AsNoTracking()
            .Where(r => rolloutId == null || r.Id == rolloutId)
            .ToDictionaryAsync(r => r.Id, r => $"{r.Service} {r.CandidateVersion}", cancellationToken);

        var events = await db.AuditEvents.AsNoTracking()
            .Where(e => AuditKinds.Contains(e.Kind) && e.At >= from && e.At <= to && e.RolloutId != null && (rolloutId == null || e.RolloutId == rolloutId))
            .ToListAsync(cancellationToken);
        var traffic = await db.TrafficChanges.AsNoTracking()
            .Where(c => c.Status == TrafficChangeStatus.Applied && c.SettledAt >= from && c.SettledAt <= to && (rolloutId == null || c.RolloutId == rolloutId))
            .ToListAsync(cancellationToken);
        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => i.OpenedAt >= from && i.OpenedAt <= to && (rolloutId == null || i.RolloutId == rolloutId))
            .ToListAsync(cancellationToken);

        string Of(Guid? id) => id is { } known && names.TryGetValue(known, out var name) ? name + ": " : string.Empty;

        return
        [
            .. events.Select(e => FromAudit(e.Kind, e.At, e.Actor, Of(e.RolloutId), e.PayloadJson))
                .Concat(traffic.Select(c => new ChartAnnotation(
                    c.SettledAt!.Value, ChartAnnotationKind.TrafficChange, $"{c.ToPercent} %",
                    $"{Of(c.RolloutId)}traffic {c.FromPercent} → {c.ToPercent} % by {c.RequestedBy}: {c.Reason}")))
                .Concat(incidents.Select(i => new ChartAnnotation(
                    i.OpenedAt, ChartAnnotationKind.Incident, $"incident ({i.Severity.ToLowerInvariant()})",
                    $"{Of(i.RolloutId)}{i.Severity.ToLowerInvariant()} incident opened by {i.OpenedBy}: {i.Title}")))
                .OrderBy(a => a.At),
        ];
    }

    private static ChartAnnotation FromAudit(string kind, DateTimeOffset at, string actor, string rollout, string payloadJson)
    {
        using var payload = JsonDocument.Parse(payloadJson);
        string Field(string name) => payload.RootElement.TryGetProperty(name, out var value) ? value.ToString() : "?";
        var by = $"by {actor}: {Field("reason")}";
        return kind switch
        {
            "rollout.started" => new(at, ChartAnnotationKind.PhaseChange, Field("phaseName"), $"{rollout}started phase {Field("phaseName")} at {Field("trafficPercent")} % {by}"),
            "phase.advanced" => new(at, ChartAnnotationKind.PhaseChange, Field("toPhaseName"),
                $"{rollout}phase {Field("fromPhaseName")} → {Field("toPhaseName")} at {Field("trafficPercent")} % {by}"),
            "phase.retried" => new(at, ChartAnnotationKind.PhaseChange, $"retry {Field("phaseName")}", $"{rollout}phase {Field("phaseName")} retried {by}"),
            "phase.held" => new(at, ChartAnnotationKind.Hold, "hold", $"{rollout}phase {Field("phaseName")} held {by}"),
            "phase.resumed" => new(at, ChartAnnotationKind.Hold, "resume", $"{rollout}phase {Field("phaseName")} resumed {by}"),
            "rollout.rolledBack" => new(at, ChartAnnotationKind.Rollback, "rollback", $"{rollout}rolled back from {Field("fromPercent")} % {by}"),
            _ => new(at, ChartAnnotationKind.Rollback, "abort", $"{rollout}aborted in phase {Field("phaseName")} {by}"),
        };
    }

    /// <summary>The rollout feed seen as the ids of the rollouts that changed.</summary>
    private sealed class RolloutIds(RolloutChangeFeed changes) : IChangeFeed<Guid>
    {
        public IDisposable Subscribe(Action<Guid> handler) => changes.Subscribe(change => handler(change.RolloutId));
    }
}
