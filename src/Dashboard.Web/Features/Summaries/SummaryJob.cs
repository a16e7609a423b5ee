using System.Globalization;
using Quartz;

namespace Dashboard.Web.Features.Summaries;

/// <summary>The Quartz job of one summary milestone; the work is <see cref="SummaryRunner.RunAsync"/>.</summary>
[DisallowConcurrentExecution]
public sealed class SummaryJob(SummaryRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        var key = data.GetString(SummaryKeys.Milestone)!;
        await runner.RunAsync(
            Guid.Parse(data.GetString(SummaryKeys.RolloutId)!),
            data.GetInt(SummaryKeys.PhaseIndex),
            DateTimeOffset.Parse(data.GetString(SummaryKeys.PhaseStartedAt)!, CultureInfo.InvariantCulture),
            SummaryMilestone.Parse(key) ?? throw new InvalidOperationException($"Unknown summary milestone '{key}'."),
            cancellationToken);
    }
}
