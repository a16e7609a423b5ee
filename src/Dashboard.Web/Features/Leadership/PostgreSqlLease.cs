using System.Data.Common;
using Dashboard.Infrastructure.Persistence;
using Medallion.Threading.Postgres;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Leadership;

/// <summary>
/// The automation lease of instances that share a PostgreSQL state store: a session advisory lock on
/// <see cref="LeaseHolderQuery.Key"/>, taken through DistributedLock.Postgres on a connection of its own. An instance
/// without it tries again every <c>Leadership:RetryInterval</c>. The holder keeps it until the lock's connection is lost
/// (<c>HandleLostToken</c>) or a check every <c>Leadership:KeepaliveCadence</c> fails: PostgreSQL no longer names it as
/// the holder, or does not answer within the cadence. Then <see cref="IsHeld"/> turns false and <see cref="HoldToken"/>
/// is cancelled at once, and it tries again after leaving one round to the others. PostgreSQL ends the session, and with it the lock, when the holder's
/// process dies (docs/high-availability.md, "Lease"). Only taking and losing the lease are logged, never an attempt.
/// </summary>
public sealed partial class PostgreSqlLease(
    IOptions<StateStoreOptions> store,
    IOptions<LeadershipOptions> options,
    IOptions<ClusterOptions> cluster,
    LeaseHolderQuery holders,
    TimeProvider timeProvider,
    ILogger<PostgreSqlLease> logger) : BackgroundService, IAutomationLease
{
    private readonly LeadershipOptions settings = options.Value;
    private readonly string instance = cluster.Value.InstanceName;
    private readonly Lock gate = new();
    private CancellationTokenSource hold = Ended();
    private TaskCompletionSource held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool isHeld;

    public bool IsHeld => isHeld;

    public CancellationToken HoldToken
    {
        get
        {
            lock (gate)
            {
                return hold.Token;
            }
        }
    }

    public Task WaitUntilHeldAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return held.Task.WaitAsync(cancellationToken);
        }
    }

    public override void Dispose()
    {
        hold.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var advisoryLock = new PostgresDistributedLock(
            new PostgresAdvisoryLockKey(LeaseHolderQuery.Key),
            LeaseHolderQuery.LockConnectionString(store.Value.ConnectionString, instance),
            // One lock on a connection of its own, kept alive while held.
            connection => connection.UseMultiplexing(false).KeepaliveCadence(settings.KeepaliveCadence));
        while (!stoppingToken.IsCancellationRequested)
        {
            var handle = await TryAcquireAsync(advisoryLock, stoppingToken);
            if (handle is null)
            {
                await Task.Delay(settings.RetryInterval, timeProvider, stoppingToken);
                continue;
            }

            try
            {
                Begin();
                var why = await HoldAsync(handle, stoppingToken);
                End(why);
            }
            finally
            {
                End("the instance is stopping");
                await ReleaseAsync(handle);
            }

            // A holder that just lost the lease leaves the next round to the others, which try every RetryInterval:
            // the trouble may well be its own connection.
            await Task.Delay(2 * settings.RetryInterval, timeProvider, stoppingToken);
        }
    }

    // A database that cannot be reached is just another failed attempt: /readyz reports the store, the loop tries again.
    private static async Task<PostgresDistributedLockHandle?> TryAcquireAsync(PostgresDistributedLock advisoryLock, CancellationToken stoppingToken)
    {
        try
        {
            return await advisoryLock.TryAcquireAsync(TimeSpan.Zero, stoppingToken);
        }
        catch (Exception ex) when (ex is DbException or TimeoutException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Holds until the hold ends; returns why.</summary>
    private async Task<string> HoldAsync(PostgresDistributedLockHandle handle, CancellationToken stoppingToken)
    {
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(handle.HandleLostToken, stoppingToken);
        while (true)
        {
            try
            {
                await Task.Delay(settings.KeepaliveCadence, timeProvider, lost.Token);
                if (await CheckAsync(lost.Token) is { } problem)
                {
                    return problem;
                }
            }
            catch (OperationCanceledException) when (lost.IsCancellationRequested)
            {
                return stoppingToken.IsCancellationRequested ? "the instance is stopping" : "the lock's connection to PostgreSQL was lost";
            }
        }
    }

    /// <summary>Null while PostgreSQL names this instance as the holder; otherwise what it says instead.</summary>
    private async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var holder = await holders.HolderAsync(cancellationToken).WaitAsync(settings.KeepaliveCadence, timeProvider, cancellationToken);
            return holder == instance ? null : $"PostgreSQL names {holder ?? "nobody"} as the holder";
        }
        catch (TimeoutException)
        {
            return $"PostgreSQL did not answer within {settings.KeepaliveCadence}";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A DbException mostly; whatever it is, a hold that cannot be confirmed is not acted on.
            return $"PostgreSQL could not be asked: {ex.Message}";
        }
    }

    private void Begin()
    {
        lock (gate)
        {
            hold = new CancellationTokenSource();
            isHeld = true;
            held.TrySetResult();
        }

        LogAcquired(instance);
    }

    private void End(string why)
    {
        CancellationTokenSource ended;
        lock (gate)
        {
            if (!isHeld)
            {
                return;
            }

            isHeld = false;
            held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            ended = hold;
        }

        // Outside the lock: cancelling runs the actions' callbacks.
        ended.Cancel();
        LogLost(instance, why);
    }

    // Unlocking over a dead connection may hang or fail; the session's end releases the lock anyway.
    private async Task ReleaseAsync(PostgresDistributedLockHandle handle)
    {
        try
        {
            await handle.DisposeAsync().AsTask().WaitAsync(settings.KeepaliveCadence, timeProvider);
        }
        catch (Exception ex) when (ex is DbException or TimeoutException or InvalidOperationException)
        {
            LogReleaseFailed(instance, ex.Message);
        }
    }

    private static CancellationTokenSource Ended()
    {
        var ended = new CancellationTokenSource();
        ended.Cancel();
        return ended;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {Instance} holds the automation lease: it acts for every instance now")]
    private partial void LogAcquired(string instance);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {Instance} no longer holds the automation lease ({Why}); it stops acting and tries to take it again")]
    private partial void LogLost(string instance, string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {Instance} could not unlock the automation lease ({Problem}); its session's end releases it")]
    private partial void LogReleaseFailed(string instance, string problem);
}
