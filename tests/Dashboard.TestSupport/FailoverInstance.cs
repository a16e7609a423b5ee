using System.Net.Http.Json;
using System.Text.Json;

namespace Dashboard.TestSupport;

/// <summary>One of a <see cref="FailoverPair"/>'s two app instances, with a client signed in as the first admin.</summary>
public sealed class FailoverInstance : IAsyncDisposable
{
    internal FailoverInstance(string name, AppProcess app, HttpClient http)
    {
        Name = name;
        App = app;
        Http = http;
    }

    /// <summary>Its <c>Cluster:InstanceName</c>.</summary>
    public string Name { get; }

    public AppProcess App { get; }

    public HttpClient Http { get; }

    public string Output => App.Output;

    /// <summary>What this instance's <c>/readyz</c> says about the automation lease (signed in, so with the text).</summary>
    public async Task<string?> LeaseTextAsync()
    {
        using var response = await Http.GetAsync("/readyz");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("checks").TryGetProperty("automationLease", out var lease) ? lease.GetProperty("error").GetString() : null;
    }

    public async Task<JsonElement> GetAsync(string path) => await Http.GetFromJsonAsync<JsonElement>(path);

    /// <summary>SIGKILL, as a lost machine.</summary>
    public Task KillAsync() => App.KillAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
    }
}
