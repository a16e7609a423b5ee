using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dashboard.Web.Features.Bus;

/// <summary>
/// A <c>Bus:Redis</c> that StackExchange.Redis cannot parse, or that names no server, stops the start. A Redis that is
/// down is not a configuration error: the app starts, says so on <c>/readyz</c> and on every page, and connects later.
/// </summary>
public sealed class BusOptionsValidator : IValidateOptions<BusOptions>
{
    public ValidateOptionsResult Validate(string? name, BusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Redis is null)
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.Redis))
        {
            return ValidateOptionsResult.Fail("Bus:Redis is empty: remove it to run one instance alone, or give a Redis such as 127.0.0.1:6379.");
        }

        try
        {
            var parsed = ConfigurationOptions.Parse(options.Redis);
            return parsed.EndPoints.Count == 0
                ? ValidateOptionsResult.Fail($"Bus:Redis names no server: '{Redacted(options.Redis)}' (e.g. 127.0.0.1:6379).")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"Bus:Redis is not a StackExchange.Redis configuration string: {ex.Message}");
        }
    }

    // The string may carry a password: never echo it.
    private static string Redacted(string configuration) =>
        string.Join(',', configuration.Split(',').Where(part => !part.TrimStart().StartsWith("password", StringComparison.OrdinalIgnoreCase)));
}
