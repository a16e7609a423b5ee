using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>Checks <c>Rollout:TimeScale</c> at start-up.</summary>
public sealed class RolloutClockOptionsValidator : IValidateOptions<RolloutClockOptions>
{
    public const double MaxTimeScale = 86_400;

    public ValidateOptionsResult Validate(string? name, RolloutClockOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.TimeScale is >= 1 and <= MaxTimeScale
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{RolloutClockOptions.SectionName}:TimeScale must be within 1..{MaxTimeScale:0} (1 = real time; 60 runs an hour in a minute)");
    }
}
