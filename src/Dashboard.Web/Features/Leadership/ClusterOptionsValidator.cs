using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Leadership;

/// <summary>Rejects an instance name that is empty, too long, or holds characters a log line or an application name would mangle.</summary>
public sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var instance = options.InstanceName;
        if (string.IsNullOrWhiteSpace(instance) || instance.Length > ClusterOptions.MaxInstanceNameLength
            || !instance.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            return ValidateOptionsResult.Fail(
                $"{ClusterOptions.Section}:InstanceName must be 1 to {ClusterOptions.MaxInstanceNameLength} letters, digits, '-', '_', '.' or ':', not '{instance}'.");
        }

        return ValidateOptionsResult.Success;
    }
}
