using System.Globalization;
using Quartz;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>The Quartz job of one checkpoint; the work is <see cref="CheckpointRunner.RunAsync"/>.</summary>
[DisallowConcurrentExecution]
public sealed class CheckpointJob(CheckpointRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        await runner.RunAsync(
            Guid.Parse(data.GetString(CheckpointKeys.RolloutId)!),
            data.GetInt(CheckpointKeys.PhaseIndex),
            DateTimeOffset.Parse(data.GetString(CheckpointKeys.PhaseStartedAt)!, CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(long.Parse(data.GetString(CheckpointKeys.OffsetSeconds)!, CultureInfo.InvariantCulture)),
            cancellationToken);
    }
}
