using Dashboard.Infrastructure.Influx;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Integration.Tests.Influx;

/// <summary>Builds clients for tests with short retry delays, the way <c>AddInflux</c> would.</summary>
internal static class InfluxClients
{
    public static InfluxOptions Options(Uri url, string database, Action<InfluxOptions>? configure = null)
    {
        var options = new InfluxOptions
        {
            Url = url,
            Database = database,
            MaxRetries = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromMilliseconds(200),
            Timeout = TimeSpan.FromSeconds(5),
        };
        configure?.Invoke(options);
        return options;
    }

    public static InfluxHttpClient Create(Uri url, string database, Action<InfluxOptions>? configure = null, TimeProvider? timeProvider = null) =>
        Create(Options(url, database, configure), timeProvider);

    public static InfluxHttpClient Create(InfluxOptions options, TimeProvider? timeProvider = null) =>
        new(new HttpClient(), Microsoft.Extensions.Options.Options.Create(options), NullLogger<InfluxHttpClient>.Instance, timeProvider ?? TimeProvider.System);
}
