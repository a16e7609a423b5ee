using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Access;

/// <summary>
/// One real app (child process, real HTTP pipeline) for the access tests, with the first admin signed in
/// and short-hands that create people, API keys and kiosk links through the admin API, as an admin would.
/// </summary>
public class AccessTestApp : IAsyncLifetime
{
    private readonly InfluxServerFixture _influx;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private RolloutApiApp? _app;

    public AccessTestApp(InfluxServerFixture influx)
        : this(influx, new Dictionary<string, string>())
    {
    }

    /// <param name="influx">The shared influxd.</param>
    /// <param name="settings">More settings for a fixture of its own (e.g. <see cref="ProxiedAccessApp"/>).</param>
    protected AccessTestApp(InfluxServerFixture influx, IReadOnlyDictionary<string, string> settings)
    {
        _influx = influx;
        _settings = settings;
    }

    internal RolloutApiApp App => _app ?? throw new InvalidOperationException("Not started.");

    /// <summary>The first admin (every role).</summary>
    public HttpClient Admin => App.Http;

    public Uri Url => App.Url;

    public string StateDatabase { get; } = Path.Combine(Path.GetTempPath(), $"warroom-access-{Guid.NewGuid():N}.db");

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>(_settings)
        {
            ["Auth__MaxFailedSignIns"] = "3",
            ["Auth__LockoutDuration"] = "00:10:00",
        };
        _app = await RolloutApiApp.StartAsync(_influx.Url, StateDatabase, settings);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { StateDatabase, StateDatabase + "-wal", StateDatabase + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>Creates a person with <paramref name="roles"/> (none: a viewer) and returns a client signed in as them.</summary>
    public async Task<HttpClient> PersonAsync(string userName, params string[] roles)
    {
        await CreatePersonAsync(userName, roles);
        return await WarRoomSignIn.SignInAsync(Url, userName, TestPeople.Password);
    }

    public async Task<JsonElement> CreatePersonAsync(string userName, params string[] roles)
    {
        using var response = await Admin.PostAsJsonAsync("/api/admin/people", new
        {
            userName,
            displayName = userName.ToUpperInvariant(),
            password = TestPeople.Password,
            roles,
        });
        return await App.ReadAsync(response, HttpStatusCode.Created);
    }

    /// <summary>Creates an API key and returns (its id, the token shown once).</summary>
    public async Task<(Guid Id, string Token)> CreateApiKeyAsync(string name, string[] roles, DateTimeOffset? expiresAt = null)
    {
        using var response = await Admin.PostAsJsonAsync("/api/admin/api-keys", new
        {
            name,
            roles,
            expiresAt = expiresAt ?? DateTimeOffset.UtcNow.AddDays(30),
        });
        var body = await App.ReadAsync(response, HttpStatusCode.Created);
        return (body.GetProperty("key").GetProperty("id").GetGuid(), body.GetProperty("token").GetString()!);
    }

    /// <summary>Creates a kiosk link and returns (its id, its path <c>/kiosk/…</c>).</summary>
    public async Task<(Guid Id, string Path)> CreateKioskLinkAsync(string name)
    {
        using var response = await Admin.PostAsJsonAsync("/api/admin/kiosk-links", new { name });
        var body = await App.ReadAsync(response, HttpStatusCode.Created);
        return (body.GetProperty("link").GetProperty("id").GetGuid(), body.GetProperty("path").GetString()!);
    }

    /// <summary>Creates a kiosk link and returns (its id, its short path <c>/k/…</c>, shown only now).</summary>
    public async Task<(Guid Id, string ShortPath)> CreateKioskCodeAsync(string name)
    {
        using var response = await Admin.PostAsJsonAsync("/api/admin/kiosk-links", new { name });
        var body = await App.ReadAsync(response, HttpStatusCode.Created);
        return (body.GetProperty("link").GetProperty("id").GetGuid(), body.GetProperty("shortPath").GetString()!);
    }

    public static HttpClient WithKey(Uri url, string token)
    {
        var client = WarRoomSignIn.NewClient(url);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The audit events of <paramref name="kind"/>, oldest first, read from the state store itself.</summary>
    public Task<IReadOnlyList<(string Actor, JsonElement Payload)>> AuditAsync(string kind) => new AppStateFile(StateDatabase).AuditAsync(kind);

    /// <summary>Creates a rollout as the admin, started, and returns its id.</summary>
    public async Task<Guid> StartedRolloutAsync()
    {
        var id = await App.CreateRolloutAsync();
        var (status, body) = await App.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });
        Assert.True(status == HttpStatusCode.OK, $"start: {status} {body}");
        return id;
    }
}
