using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Routing;

/// <summary>Fails start-up with messages that name the offending <c>Routing:*</c> key.</summary>
public sealed partial class RoutingOptionsValidator : IValidateOptions<RoutingOptions>
{
    private const string HaproxySection = $"{RoutingOptions.SectionName}:{nameof(RoutingOptions.Haproxy)}";

    public ValidateOptionsResult Validate(string? name, RoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.Kind))
        {
            return ValidateOptionsResult.Fail($"{RoutingOptions.SectionName}:Kind must be BuiltIn or Haproxy");
        }

        if (options.Kind != RoutingKind.Haproxy)
        {
            return ValidateOptionsResult.Success;
        }

        var haproxy = options.Haproxy;
        var failures = new List<string>();
        if (!HaproxyRuntimeEndpoint.TryParse(haproxy.RuntimeApi, out _, out var problem))
        {
            failures.Add($"{HaproxySection}:RuntimeApi {problem}");
        }

        RequireHaproxyName(failures, haproxy.Backend, nameof(HaproxyRoutingOptions.Backend));
        RequireHaproxyName(failures, haproxy.BaselineServer, nameof(HaproxyRoutingOptions.BaselineServer));
        RequireHaproxyName(failures, haproxy.CanaryServer, nameof(HaproxyRoutingOptions.CanaryServer));
        if (failures.Count == 0 && string.Equals(haproxy.BaselineServer, haproxy.CanaryServer, StringComparison.Ordinal))
        {
            failures.Add($"{HaproxySection}:CanaryServer must differ from {HaproxySection}:BaselineServer");
        }

        if (haproxy.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"{HaproxySection}:Timeout must be a positive time span (hh:mm:ss)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequireHaproxyName(List<string> failures, string? value, string key)
    {
        // HAProxy's own rule for proxy and server names; it also keeps spaces and line breaks, which
        // would split or add runtime-API commands, out of what we send.
        if (string.IsNullOrEmpty(value) || !HaproxyName().IsMatch(value))
        {
            failures.Add($"{HaproxySection}:{key} must be a HAProxy name (letters, digits, '-', '_', '.', ':'), got '{value}'");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.:-]+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HaproxyName();
}
