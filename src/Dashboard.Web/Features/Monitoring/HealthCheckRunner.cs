using Dashboard.Core.Evaluation;
using Dashboard.Core.Metrics;
using Dashboard.Core.Monitoring;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Rollouts;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Monitoring;

/// <summary>
/// Runs one health check of a cadence: finds the active rollouts (phase Running, AwaitingSignOff,
/// Passed or Held; for the intensive cadence only those within their intensive period), reads ONE
/// metrics snapshot over the cadence's window, judges each rollout's current phase against it and
/// records the result. A calendar check that finds no active rollout records that; an intensive one
/// records nothing. An InfluxDB failure is a NO_DATA check, never a skipped one.
/// </summary>
public sealed partial class HealthCheckRunner(
    RolloutStore rollouts,
    HealthCheckStore store,
    HealthCheckService service,
    IMetricsReader metrics,
    IOptions<MonitoringOptions> options,
    IOptions<RolloutClockOptions> clock,
    TimeProvider timeProvider,
    ILogger<HealthCheckRunner> logger)
{
    /// <param name="cadence">The cadence that fired.</param>
    /// <param name="scheduledAt">When Quartz meant to fire it (after downtime, when the misfire was caught up).</param>
    /// <param name="cancellationToken">Stops the check; nothing half-done is stored.</param>
    public async Task RunAsync(MonitoringCadence cadence, DateTimeOffset? scheduledAt, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var settings = options.Value;
        var period = new IntensivePeriod(settings.IntensiveDuration, clock.Value.TimeScale);
        var active = (await rollouts.ListAsync(cancellationToken))
            .Select(Rollout.FromSnapshot)
            .Where(r => r.CurrentState is PhaseState.Running or PhaseState.AwaitingSignOff or PhaseState.Passed or PhaseState.Held)
            .Where(r => cadence != MonitoringCadence.Intensive || period.Covers(r.StartedAt, now))
            .ToList();
        if (cadence == MonitoringCadence.Intensive && active.Count == 0)
        {
            return;
        }

        var dueAt = cadence == MonitoringCadence.Intensive ? scheduledAt ?? now : CadenceCalendar.LatestDueAtOrBefore(cadence, scheduledAt ?? now);
        var previousEnd = cadence == MonitoringCadence.Intensive ? null : (await store.LatestAsync(cadence, null, cancellationToken))?.WindowEnd;
        var window = HealthCheckWindow.For(cadence, dueAt, now, previousEnd, settings.IntensiveWindow);
        var late = now - dueAt;
        if (active.Count == 0)
        {
            await service.RecordAsync(new HealthCheck(cadence, null, null, null, window, dueAt, now, HealthCheckResult.NoActiveRollout), cancellationToken);
            LogRecorded(cadence, null, HealthCheckResult.NoActiveRollout.Overall, late);
            return;
        }

        var (snapshot, unavailable) = await ReadAsync(window, cancellationToken);
        if (snapshot is not null)
        {
            window = new HealthCheckWindow(snapshot.AsOf - window.Length, snapshot.AsOf);
        }

        foreach (var rollout in active)
        {
            // In planned time, as the criteria's "from checkpoint" offsets are.
            var elapsed = rollout.CurrentProgress.Elapsed(now) * clock.Value.TimeScale;
            var result = HealthCheckJudge.Judge(rollout.CurrentPhase, elapsed, snapshot, unavailable, settings.MaxDataAge);
            var check = new HealthCheck(cadence, rollout.Id, rollout.CurrentPhaseIndex, rollout.CurrentPhase.Name, window, dueAt, now, result);
            if (await service.RecordAsync(check, cancellationToken))
            {
                LogRecorded(cadence, rollout.Id, result.Overall, late);
            }
        }
    }

    private async Task<(MetricsSnapshot? Snapshot, string? Unavailable)> ReadAsync(HealthCheckWindow window, CancellationToken cancellationToken)
    {
        try
        {
            return (await metrics.ReadSnapshotAsync(window.Length, cancellationToken), null);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogReadFailed(ex, window.Length);
            return (null, $"InfluxDB query failed: {ex.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Cadence} health check of rollout {RolloutId}: {Verdict} (late by {Late})")]
    private partial void LogRecorded(MonitoringCadence cadence, Guid? rolloutId, Verdict verdict, TimeSpan late);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check could not read the metrics over {Window}; its verdict is NO_DATA")]
    private partial void LogReadFailed(Exception exception, TimeSpan window);
}
