using System.Text.Json;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Rollouts;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Summaries;

/// <summary>
/// Generates and stores the summary of one milestone of one phase run, exactly once, as automation (audited).
/// An in-phase milestone (8 h …) covers the run up to that moment, if the run reached it before it ended; the
/// end milestone covers the run up to the moment it ended (advance, rollback, abort, complete). A milestone of a
/// run that was retried since, or that it never reached, is skipped.
/// </summary>
public sealed partial class SummaryRunner(
    RolloutStore rollouts,
    SummaryGenerator generator,
    ExecutiveSummaryStore store,
    RolloutChangeFeed changes,
    IOptions<RolloutClockOptions> clock,
    ILogger<SummaryRunner> logger)
{
    public async Task RunAsync(Guid rolloutId, int phaseIndex, DateTimeOffset phaseStartedAt, SummaryMilestone milestone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        if (await rollouts.LoadAsync(rolloutId, cancellationToken) is not { } rollout
            || phaseIndex >= rollout.Phases.Count
            || PeriodEnd(rollout, phaseIndex, phaseStartedAt, milestone) is not { } periodEnd)
        {
            LogSkipped(rolloutId, phaseIndex, milestone.Key);
            return;
        }

        var summary = await generator.GenerateAsync(rollout, phaseIndex, phaseStartedAt, milestone, periodEnd, cancellationToken);
        var record = new ExecutiveSummaryRecord
        {
            Id = summary.Id,
            RolloutId = rolloutId,
            PhaseIndex = phaseIndex,
            PhaseStartedAt = phaseStartedAt,
            Milestone = milestone.Key,
            PeriodEnd = periodEnd,
            GeneratedAt = summary.GeneratedAt,
            ContentJson = JsonSerializer.Serialize(summary, SummaryJson.Options),
        };
        var audit = new
        {
            summaryId = summary.Id,
            phaseIndex,
            phase = summary.PhaseName,
            milestone = milestone.Key,
            periodEnd,
            outlook = summary.Status.Outlook.ToString(),
            verdict = summary.Status.Verdict,
        };
        if (!await store.TryAddAsync(record, AutomationActors.Summaries.Name, audit, cancellationToken))
        {
            LogAlreadyGenerated(rolloutId, phaseIndex, milestone.Key);
            return;
        }

        LogGenerated(rolloutId, summary.PhaseName, milestone.Key, summary.Status.Outlook, summary.LateBy);
        changes.Publish(rolloutId);
    }

    private DateTimeOffset? PeriodEnd(Rollout rollout, int phaseIndex, DateTimeOffset phaseStartedAt, SummaryMilestone milestone)
    {
        var progress = rollout.Phases[phaseIndex];
        if (progress.StartedAt != phaseStartedAt)
        {
            return null;
        }

        return milestone.Offset switch
        {
            { } offset when phaseStartedAt + clock.Value.Scale(offset) is var at && (progress.EndedAt is not { } ended || at <= ended) => at,
            { } => null,
            null => progress.EndedAt,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Summary {Milestone} of phase {PhaseIndex} of rollout {RolloutId} skipped: that phase run did not reach it")]
    private partial void LogSkipped(Guid rolloutId, int phaseIndex, string milestone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Summary {Milestone} of phase {PhaseIndex} of rollout {RolloutId} already exists")]
    private partial void LogAlreadyGenerated(Guid rolloutId, int phaseIndex, string milestone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Summary {Milestone} of phase {Phase} of rollout {RolloutId}: {Outlook}, late by {LateBy}")]
    private partial void LogGenerated(Guid rolloutId, string phase, string milestone, SummaryOutlook outlook, TimeSpan? lateBy);
}
