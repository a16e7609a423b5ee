using Dashboard.Infrastructure.Metrics;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Leadership;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Guardrails;

/// <summary>
/// Fails start-up with one message per wrong <c>Guardrails:*</c> key. On PostgreSQL also checks the poll against the
/// lease: an instance cut off from the database finds out within 2 × <c>Leadership:KeepaliveCadence</c>, and it must
/// stop acting before its next poll (docs/high-availability.md, "Lease").
/// </summary>
public sealed class GuardrailOptionsValidator(
    IOptions<MetricsSchemaOptions> metricsOptions, IOptions<StateStoreOptions> storeOptions, IOptions<LeadershipOptions> leadershipOptions)
    : IValidateOptions<GuardrailOptions>
{
    private static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, GuardrailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Span(failures, nameof(GuardrailOptions.PollInterval), options.PollInterval);
        Span(failures, nameof(GuardrailOptions.Window), options.Window);
        Span(failures, nameof(GuardrailOptions.MaxWindow), options.MaxWindow);
        Span(failures, nameof(GuardrailOptions.MaxDataAge), options.MaxDataAge);
        Span(failures, nameof(GuardrailOptions.RouterRetryBaseDelay), options.RouterRetryBaseDelay);
        Span(failures, nameof(GuardrailOptions.RouterRetryMaxDelay), options.RouterRetryMaxDelay);
        if (options.MaxWindow < options.Window)
        {
            failures.Add($"{Key(nameof(GuardrailOptions.MaxWindow))} must be at least {Key(nameof(GuardrailOptions.Window))} ({options.Window}), got {options.MaxWindow}");
        }

        if (options.RouterRetryMaxDelay < options.RouterRetryBaseDelay)
        {
            failures.Add($"{Key(nameof(GuardrailOptions.RouterRetryMaxDelay))} must be at least {Key(nameof(GuardrailOptions.RouterRetryBaseDelay))} ({options.RouterRetryBaseDelay}), got {options.RouterRetryMaxDelay}");
        }

        if (options.ConsecutiveBreaches is < 1 or > 1000)
        {
            failures.Add($"{Key(nameof(GuardrailOptions.ConsecutiveBreaches))} must be within 1..1000, got {options.ConsecutiveBreaches}");
        }

        if (options.MinCanaryRequests is < 0 or > 10_000_000)
        {
            failures.Add($"{Key(nameof(GuardrailOptions.MinCanaryRequests))} must be within 0..10000000 (0 keeps the window fixed), got {options.MinCanaryRequests}");
        }

        failures.AddRange(options.Sequential().Validate().Select(problem => $"{GuardrailOptions.SectionName}:{problem}"));
        var cell = metricsOptions.Value.PointInterval;
        if (cell > TimeSpan.Zero && (options.EvidenceHorizon < 2 * cell || options.EvidenceHorizon.Ticks % (2 * cell.Ticks) != 0 || options.EvidenceHorizon > TimeSpan.FromHours(24)))
        {
            failures.Add($"{Key(nameof(GuardrailOptions.EvidenceHorizon))} must be a whole, even number of Metrics:PointInterval ({cell}) and at most 24:00:00, got {options.EvidenceHorizon}");
        }

        var keepalive = leadershipOptions.Value.KeepaliveCadence;
        if (storeOptions.Value.Provider == StateStoreProvider.PostgreSql && 2 * keepalive > options.PollInterval)
        {
            failures.Add(
                $"{Key(nameof(GuardrailOptions.PollInterval))} ({options.PollInterval}) must be at least 2 × {LeadershipOptions.Section}:{nameof(LeadershipOptions.KeepaliveCadence)} "
                + $"({2 * keepalive}) on PostgreSQL: an instance that lost the lease could act on one more poll. Lengthen the poll or shorten the cadence");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Span(List<string> failures, string property, TimeSpan value)
    {
        if (value < Shortest || value > Longest)
        {
            failures.Add($"{Key(property)} must be a time span (hh:mm:ss) within 00:00:00.1..01:00:00, got {value}");
        }
    }

    private static string Key(string property) => $"{GuardrailOptions.SectionName}:{property}";
}
