using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Influx;

/// <summary>
/// With <see cref="InfluxOptions.CreateDatabaseIfMissing"/>, creates the database at start-up, so a
/// fresh install shows "no data" rather than a missing-database error until the first write. Runs
/// in the background and tries again every 30 s while InfluxDB is unreachable; never blocks start.
/// </summary>
public sealed partial class InfluxDatabaseInitializer(
    IInfluxClient influx,
    IOptions<InfluxOptions> options,
    TimeProvider timeProvider,
    ILogger<InfluxDatabaseInitializer> logger) : BackgroundService
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.CreateDatabaseIfMissing)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await influx.EnsureDatabaseAsync(stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (InfluxException ex)
            {
                LogEnsureFailed(logger, options.Value.Database, ex.Message);
            }

            try
            {
                await Task.Delay(RetryEvery, timeProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not make sure InfluxDB database {Database} exists; trying again in 30 s: {Reason}")]
    private static partial void LogEnsureFailed(ILogger logger, string database, string reason);
}
