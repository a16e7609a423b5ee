using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Integration.Tests.LiveMetrics;

/// <summary>A hub connection and the raw JSON of every <c>state</c> and <c>rollout</c> message it received.</summary>
public sealed class LiveHubClient : IAsyncDisposable
{
    public LiveHubClient(HubConnection hub)
    {
        Hub = hub;
        hub.On<JsonElement>("state", States.Enqueue);
        hub.On<JsonElement>("rollout", Rollouts.Enqueue);
    }

    public HubConnection Hub { get; }

    public ConcurrentQueue<JsonElement> States { get; } = new();

    public ConcurrentQueue<JsonElement> Rollouts { get; } = new();

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
