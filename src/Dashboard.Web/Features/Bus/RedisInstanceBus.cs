using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Web.Shared.Live;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dashboard.Web.Features.Bus;

/// <summary>
/// The bus on Redis pub/sub (docs/high-availability.md#bus): one <see cref="ConnectionMultiplexer"/>, one channel per
/// feed (<c>warroom.bus.&lt;feed&gt;</c>), each message wrapped in a <see cref="BusEnvelope"/> with this process's
/// <see cref="InstanceId"/> so the sender ignores its own. Redis being down never stops the app: the connection is made
/// with <c>AbortOnConnectFail=false</c>, StackExchange.Redis reconnects and resubscribes by itself, and on every
/// (re)subscription this instance sends again the latest message of each key it published and asks the others to do the
/// same (<see cref="IInstanceBus.Publish{TMessage}"/>), so news saved during an outage arrives once it is over.
/// </summary>
public sealed partial class RedisInstanceBus(IOptions<BusOptions> options, ILogger<RedisInstanceBus> logger)
    : IInstanceBus, IHostedService, IAsyncDisposable
{
    public const string ChannelPrefix = "warroom.bus.";

    /// <summary>How many keys' latest messages are kept for re-sending; the oldest key goes first.</summary>
    public const int RetainedLimit = 256;

    private const string ResyncChannel = "resync";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly Lock _gate = new();
    private readonly OrderedDictionary<(string Channel, string Key), string> _retained = [];
    private ImmutableDictionary<string, ImmutableList<Action<JsonElement>>> _handlers =
        ImmutableDictionary<string, ImmutableList<Action<JsonElement>>>.Empty.WithComparers(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private ConnectionMultiplexer? _redis;
    private Task _connecting = Task.CompletedTask;

    /// <summary>This process's id on the bus, new at every start.</summary>
    public Guid InstanceId { get; } = Guid.NewGuid();

    /// <summary>True while the connection to Redis is up.</summary>
    public bool IsConnected => Volatile.Read(ref _redis)?.IsConnected == true;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // In the background: start-up never waits for Redis, which may be down.
        _connecting = ConnectAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _connecting.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        if (_redis is { } redis)
        {
            await redis.DisposeAsync();
        }
    }

    /// <summary>Asks Redis for a <c>PING</c>: what <c>/readyz</c> reports. Throws when Redis does not answer.</summary>
    public async Task<TimeSpan> PingAsync() => Volatile.Read(ref _redis) is { } redis
        ? await redis.GetDatabase().PingAsync()
        : throw new TimeoutException("Not connected to Redis yet");

    public void Publish<TMessage>(string channel, string key, TMessage message)
    {
        var envelope = JsonSerializer.Serialize(new BusEnvelope(InstanceId, JsonSerializer.SerializeToElement(message, Json)), Json);
        lock (_gate)
        {
            _retained.Remove((channel, key));
            _retained.Add((channel, key), envelope);
            if (_retained.Count > RetainedLimit)
            {
                _retained.RemoveAt(0);
            }
        }

        Send(channel, envelope);
    }

    public IDisposable Subscribe<TMessage>(string channel, Action<TMessage> handler)
    {
        Action<JsonElement> receive = payload => handler(payload.Deserialize<TMessage>(Json)!);
        ImmutableInterlocked.AddOrUpdate(ref _handlers, channel, [receive], (_, list) => list.Add(receive));
        return new ChangeSubscription(() => ImmutableInterlocked.AddOrUpdate(ref _handlers, channel, [], (_, list) => list.Remove(receive)));
    }

    private async Task ConnectAsync(CancellationToken stopping)
    {
        var configuration = ConfigurationOptions.Parse(options.Value.Redis!);
        configuration.AbortOnConnectFail = false;
        configuration.ClientName ??= $"warroom-{InstanceId:N}";
        try
        {
            var redis = await ConnectionMultiplexer.ConnectAsync(configuration);
            redis.ConnectionFailed += (_, e) => LogConnectionFailed(e.ConnectionType, e.FailureType, e.Exception?.Message);
            redis.ConnectionRestored += (_, e) =>
            {
                LogConnectionRestored(e.ConnectionType);
                if (e.ConnectionType == ConnectionType.Subscription)
                {
                    _ = ResyncWhenSubscribedAsync(stopping);
                }
            };
            Volatile.Write(ref _redis, redis);
            if (!redis.IsConnected)
            {
                LogUnreachableAtStart();
            }

            // Retried until Redis answers; afterwards StackExchange.Redis itself resubscribes after every reconnect.
            while (true)
            {
                try
                {
                    await redis.GetSubscriber().SubscribeAsync(RedisChannel.Pattern(ChannelPrefix + "*"), OnMessage);
                    break;
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stopping);
                }
            }

            await ResyncWhenSubscribedAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped before Redis answered.
        }
    }

    // Sends again what this instance published (news saved while the others could not hear it) and asks them to do the same.
    private async Task ResyncWhenSubscribedAsync(CancellationToken stopping)
    {
        try
        {
            var subscriber = _redis!.GetSubscriber();
            var pattern = RedisChannel.Pattern(ChannelPrefix + "*");
            for (var i = 0; i < 100 && !subscriber.IsConnected(pattern); i++)
            {
                await Task.Delay(100, stopping);
            }

            Send(ResyncChannel, JsonSerializer.Serialize(new BusEnvelope(InstanceId, JsonSerializer.SerializeToElement<object?>(null, Json)), Json));
            SendRetained();
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void SendRetained()
    {
        KeyValuePair<(string Channel, string Key), string>[] retained;
        lock (_gate)
        {
            retained = [.. _retained];
        }

        foreach (var ((channel, _), envelope) in retained)
        {
            Send(channel, envelope);
        }
    }

    // Fire and forget: a message that cannot go now is still retained and goes again on the next (re)subscription.
    private void Send(string channel, string envelope)
    {
        if (Volatile.Read(ref _redis) is not { IsConnected: true } redis)
        {
            return;
        }

        try
        {
            redis.GetSubscriber().Publish(RedisChannel.Literal(ChannelPrefix + channel), envelope, CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogSendFailed(ex, channel);
        }
    }

    private void OnMessage(RedisChannel redisChannel, RedisValue value)
    {
        var channel = redisChannel.ToString()[ChannelPrefix.Length..];
        BusEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<BusEnvelope>((string)value!, Json);
        }
        catch (JsonException ex)
        {
            LogUnreadable(ex, channel);
            return;
        }

        if (envelope is null || envelope.Origin == InstanceId)
        {
            return;
        }

        if (channel == ResyncChannel)
        {
            SendRetained();
            return;
        }

        foreach (var handler in _handlers.GetValueOrDefault(channel) ?? [])
        {
            try
            {
                handler(envelope.Payload);
            }
            catch (Exception ex)
            {
                LogHandlerFailed(ex, channel);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable at start-up; the bus connects when it answers, and until then changes stay on this instance")]
    private partial void LogUnreachableAtStart();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bus lost its {ConnectionType} connection to Redis ({FailureType}: {Problem}); StackExchange.Redis reconnects by itself")]
    private partial void LogConnectionFailed(ConnectionType connectionType, ConnectionFailureType failureType, string? problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "The bus reconnected its {ConnectionType} connection to Redis")]
    private partial void LogConnectionRestored(ConnectionType connectionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bus could not send on {Channel}; it is sent again after the next reconnect")]
    private partial void LogSendFailed(Exception exception, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bus got an unreadable message on {Channel}")]
    private partial void LogUnreadable(Exception exception, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A bus subscriber failed to handle a message on {Channel}")]
    private partial void LogHandlerFailed(Exception exception, string channel);
}
