using System.Net;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Access.Hosting;

/// <summary>Fails start-up with one message per proxy address or network that does not parse.</summary>
public sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        for (var i = 0; i < options.KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(options.KnownProxies[i], out _))
            {
                failures.Add($"{ProxyOptions.Section}:KnownProxies:{i} must be an IP address, got '{options.KnownProxies[i]}'");
            }
        }

        for (var i = 0; i < options.KnownNetworks.Count; i++)
        {
            if (!IPNetwork.TryParse(options.KnownNetworks[i], out _))
            {
                failures.Add($"{ProxyOptions.Section}:KnownNetworks:{i} must be a network in CIDR notation (10.0.0.0/24), got '{options.KnownNetworks[i]}'");
            }
        }

        if (options.ForwardLimit is < 1 or > 10)
        {
            failures.Add($"{ProxyOptions.Section}:ForwardLimit must be within 1..10, got {options.ForwardLimit}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
