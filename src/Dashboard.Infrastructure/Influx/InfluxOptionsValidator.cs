using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Influx;

/// <summary>Fails start-up with messages that name the offending <c>Influx:*</c> key.</summary>
public sealed class InfluxOptionsValidator : IValidateOptions<InfluxOptions>
{
    public ValidateOptionsResult Validate(string? name, InfluxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var section = InfluxOptions.SectionName;

        if (options.Url is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{section}:Url must be an absolute http(s) URL");
        }

        if (string.IsNullOrWhiteSpace(options.Database))
        {
            failures.Add($"{section}:Database must not be empty");
        }

        if (options.RetentionPolicy is { } rp && rp.Length > 0 && string.IsNullOrWhiteSpace(rp))
        {
            failures.Add($"{section}:RetentionPolicy must not be blank (leave it empty for the default policy)");
        }

        if (!string.IsNullOrEmpty(options.Password) && string.IsNullOrEmpty(options.Username) && string.IsNullOrEmpty(options.Token))
        {
            failures.Add($"{section}:Password is set but {section}:Username is empty");
        }

        RequirePositive(failures, options.Timeout, "Timeout");
        RequirePositive(failures, options.RetryBaseDelay, "RetryBaseDelay");
        RequirePositive(failures, options.MaxRetryDelay, "MaxRetryDelay");
        RequirePositive(failures, options.FlushInterval, "FlushInterval");

        if (options.MaxRetries < 0)
        {
            failures.Add($"{section}:MaxRetries must be zero or positive");
        }

        if (options.WriteBatchSize <= 0)
        {
            failures.Add($"{section}:WriteBatchSize must be positive");
        }

        if (options.WriteBufferCapacity <= 0)
        {
            failures.Add($"{section}:WriteBufferCapacity must be positive");
        }
        else if (options.WriteBatchSize > options.WriteBufferCapacity)
        {
            failures.Add($"{section}:WriteBatchSize must not exceed {section}:WriteBufferCapacity");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequirePositive(List<string> failures, TimeSpan value, string key)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{InfluxOptions.SectionName}:{key} must be a positive time span (hh:mm:ss)");
        }
    }
}
