using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.RateLimits;

/// <summary>Fails start-up with one message per wrong <c>RateLimits:*</c> key; a limit cannot be switched off, only widened.</summary>
public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Rule(failures, nameof(RateLimitOptions.Address), options.Address);
        Rule(failures, nameof(RateLimitOptions.ExpensiveReads), options.ExpensiveReads);
        if (options.LargeSnapshotWindow < TimeSpan.FromMinutes(1) || options.LargeSnapshotWindow > TimeSpan.FromHours(36))
        {
            failures.Add($"RateLimits:LargeSnapshotWindow must be within 00:01:00..1.12:00:00, got {options.LargeSnapshotWindow}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Rule(List<string> failures, string key, RateLimitRule rule)
    {
        if (rule.PermitLimit is < 1 or > 100_000)
        {
            failures.Add($"RateLimits:{key}:PermitLimit must be within 1..100000, got {rule.PermitLimit}");
        }

        if (rule.Window < TimeSpan.FromSeconds(1) || rule.Window > TimeSpan.FromHours(24))
        {
            failures.Add($"RateLimits:{key}:Window must be within 00:00:01..1.00:00:00, got {rule.Window}");
        }
    }
}
