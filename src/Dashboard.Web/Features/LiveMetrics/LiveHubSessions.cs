using System.Collections.Concurrent;
using System.Security.Claims;
using Dashboard.Web.Features.Access;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.LiveMetrics;

/// <summary>
/// Re-checks the session of every open <see cref="LiveHub"/> connection every <c>Auth:RevalidationInterval</c> with the
/// <see cref="SessionValidator"/> that pages and cookies use, and aborts the connections whose session is over: a revoked
/// kiosk link, a disabled or removed person, a reset password, a revoked or expired API key. So a connection outlives its
/// session by at most one interval (docs/security.md, "Live hub").
/// </summary>
public sealed partial class LiveHubSessions(
    SessionValidator validator,
    IOptions<AccessOptions> options,
    TimeProvider timeProvider,
    ILogger<LiveHubSessions> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new(StringComparer.Ordinal);

    public void Track(HubCallerContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connections[connection.ConnectionId] = connection;
    }

    public void Forget(string connectionId) => _connections.TryRemove(connectionId, out _);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RevalidationInterval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RevalidateAsync(stoppingToken);
        }
    }

    private async Task RevalidateAsync(CancellationToken cancellationToken)
    {
        // Many connections share one session (a kiosk link on every TV, one key in a script): each is checked once.
        foreach (var session in _connections.Values.GroupBy(c => SessionKey.Of(c.User)))
        {
            if (!await IsValidAsync(session.First().User, cancellationToken))
            {
                var closed = 0;
                foreach (var connection in session)
                {
                    _connections.TryRemove(connection.ConnectionId, out _);
                    connection.Abort();
                    closed++;
                }

                LogClosed(session.Key.Kind, session.Key.Id, closed);
            }
        }
    }

    private async Task<bool> IsValidAsync(ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        try
        {
            return await validator.CurrentAsync(user, cancellationToken) is not null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Fail safe: a session that cannot be checked is not valid; the client reconnects through sign-in checks.
            LogUncheckable(ex);
            return false;
        }
    }

    /// <summary>What makes two connections one session: who, and for a person the security stamp their cookie carries.</summary>
    private readonly record struct SessionKey(ActorKind Kind, string? Id, string? Stamp)
    {
        public static SessionKey Of(ClaimsPrincipal? user) =>
            new(WarRoomClaims.KindOf(user), user is null ? null : WarRoomClaims.IdOf(user), user?.FindFirstValue(WarRoomClaims.SecurityStamp));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed {Count} live hub connection(s) of {Kind} {Id}: the session is no longer valid")]
    private partial void LogClosed(ActorKind kind, string? id, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live hub session could not be re-checked; its connections are closed")]
    private partial void LogUncheckable(Exception exception);
}
