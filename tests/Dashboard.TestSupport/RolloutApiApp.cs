using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Dashboard.TestSupport;

/// <summary>The real app as a child process with an <see cref="HttpClient"/> on it, and short-hands for the rollout API.</summary>
public sealed class RolloutApiApp : IAsyncDisposable
{
    private readonly AppProcess _app;

    private RolloutApiApp(AppProcess app, HttpClient http, string? instanceName)
    {
        _app = app;
        Http = http;
        InstanceName = instanceName;
    }

    public Uri Url => _app.Url;

    /// <summary>Its <c>Cluster:InstanceName</c> when its settings name one; null when it runs under the app's default.</summary>
    public string? InstanceName { get; }

    public HttpClient Http { get; }

    public string Output => _app.Output;

    /// <param name="influxUrl">The shared influxd (the app's readiness and poller talk to it).</param>
    /// <param name="stateDatabase">A SQLite file to keep state in; null for the app's own temporary one.</param>
    /// <param name="extra">More settings, e.g. the router's.</param>
    public static async Task<RolloutApiApp> StartAsync(Uri influxUrl, string? stateDatabase = null, IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Influx__Url"] = influxUrl.ToString(),
            ["Influx__Database"] = "rollouts",
            ["Demo__Enabled"] = "false",
            ["Routing__Kind"] = "BuiltIn",
        };
        if (stateDatabase is not null)
        {
            settings["StateStore__ConnectionString"] = $"Data Source={stateDatabase}";
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var app = await AppProcess.StartAsync(settings);
        try
        {
            return new RolloutApiApp(app, await app.SignInAsAdminAsync(), settings.GetValueOrDefault("Cluster__InstanceName"));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stores a plan from its JSON text, as alice.</summary>
    public async Task CreatePlanAsync(string planJson)
    {
        using var content = new StringContent(planJson, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync("/api/plans?actor=alice", content);
        await ReadAsync(response, HttpStatusCode.Created);
    }

    /// <summary>Creates a rollout along the built-in three-phase plan and returns its id.</summary>
    public async Task<Guid> CreateRolloutAsync(string planId = "three-phase")
    {
        using var response = await Http.PostAsJsonAsync("/api/rollouts", new
        {
            service = "analyzer",
            baselineVersion = "1.4.0",
            candidateVersion = "1.5.0",
            planId,
            reason = "release 1.5",
        });
        var body = await ReadAsync(response, HttpStatusCode.Created);
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>POSTs a command and returns the answer's status and JSON body.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, object body)
    {
        using var response = await Http.PostAsJsonAsync(path, body);
        return (response.StatusCode, await BodyAsync(response));
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        return await ReadAsync(response, HttpStatusCode.OK);
    }

    public async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await BodyAsync(response);
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {response.StatusCode}: {body}\nApp output:\n{Output}");
        return body;
    }

    /// <summary>Reads <paramref name="read"/> until <paramref name="done"/> holds (see <see cref="Eventually"/>); a timeout shows the app's output.</summary>
    public Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan within) =>
        Eventually.UntilAsync(read, done, within, what, last => $"{last}\nApp output:\n{Output}");

    /// <summary>The rollout once <paramref name="done"/> holds for it.</summary>
    public Task<JsonElement> WaitForRolloutAsync(Guid id, Func<JsonElement, bool> done, string what, TimeSpan within) =>
        WaitForAsync(() => GetAsync($"/api/rollouts/{id}"), done, what, within);

    /// <summary>The rollout once its current state is <paramref name="state"/> (e.g. "Held"); within a minute unless told.</summary>
    public Task<JsonElement> WaitForStateAsync(Guid id, string state, TimeSpan? within = null) =>
        WaitForRolloutAsync(id, rollout => rollout.GetProperty("currentState").GetString() == state, $"rollout {id} to be {state}", within ?? TimeSpan.FromMinutes(1));

    /// <summary>What its <c>/readyz</c> says about the automation lease (signed in, so with the text), e.g. "held by a (this instance)".</summary>
    public async Task<string?> LeaseTextAsync()
    {
        using var response = await Http.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("checks").TryGetProperty("automationLease", out var lease) ? lease.GetProperty("error").GetString() : null;
    }

    /// <summary>
    /// Kills the app at once (SIGKILL), as a lost machine: no shutdown, no check-out from the Quartz cluster, its lease
    /// session and triggers left as they were. Its output stays readable; <see cref="DisposeAsync"/> still cleans up.
    /// </summary>
    public Task KillAsync() => _app.KillAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
