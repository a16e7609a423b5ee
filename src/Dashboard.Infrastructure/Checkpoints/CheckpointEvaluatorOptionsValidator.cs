using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Checkpoints;

/// <summary>Checks the <c>CheckpointEvaluation</c> section at start-up; each failure names its key.</summary>
public sealed class CheckpointEvaluatorOptionsValidator : IValidateOptions<CheckpointEvaluatorOptions>
{
    public ValidateOptionsResult Validate(string? name, CheckpointEvaluatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.SampleInterval < TimeSpan.FromSeconds(1) || options.SampleInterval > TimeSpan.FromHours(1)
            || options.SampleInterval.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            failures.Add("CheckpointEvaluation:SampleInterval must be a whole number of seconds between 00:00:01 and 01:00:00");
        }

        if (options.MaxSamples is < 10 or > 10_000)
        {
            failures.Add("CheckpointEvaluation:MaxSamples must be between 10 and 10000");
        }

        if (options.ReuseAfter < TimeSpan.FromSeconds(10) || options.ReuseAfter > TimeSpan.FromDays(1))
        {
            failures.Add("CheckpointEvaluation:ReuseAfter must be between 00:00:10 and 1.00:00:00");
        }

        if (options.TopUp is null)
        {
            failures.Add("CheckpointEvaluation:TopUp must not be null");
        }
        else
        {
            failures.AddRange(TopUpFailures(options.TopUp, options.SampleInterval));
        }

        if (options.Judge is null)
        {
            failures.Add("CheckpointEvaluation:Judge must not be null");
        }
        else
        {
            failures.AddRange(options.Judge.Validate());
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> TopUpFailures(CheckpointSumTopUpOptions topUp, TimeSpan sampleInterval)
    {
        if (topUp.Interval < TimeSpan.FromSeconds(10) || topUp.Interval > TimeSpan.FromHours(1))
        {
            yield return "CheckpointEvaluation:TopUp:Interval must be between 00:00:10 and 01:00:00";
        }

        // Less than one sample interval per tick would never store a whole interval.
        if (topUp.MaxReadPerTick < sampleInterval || topUp.MaxReadPerTick > TimeSpan.FromDays(2))
        {
            yield return "CheckpointEvaluation:TopUp:MaxReadPerTick must be at least CheckpointEvaluation:SampleInterval and at most 2.00:00:00";
        }

        if (topUp.KeepEndedFor < TimeSpan.FromHours(1) || topUp.KeepEndedFor > TimeSpan.FromDays(365))
        {
            yield return "CheckpointEvaluation:TopUp:KeepEndedFor must be between 01:00:00 and 365.00:00:00";
        }
    }
}
