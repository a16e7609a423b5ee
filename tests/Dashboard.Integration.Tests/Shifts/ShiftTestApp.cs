using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Integration.Tests.Access;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Shifts;

/// <summary>
/// The real app (child process, real HTTP pipeline) for the shift tests, the first admin signed in, with short-hands
/// that create people and set the roster through the API. <paramref name="settings"/> shapes the <c>Shifts</c> timing.
/// </summary>
public sealed class ShiftTestApp(Uri influxUrl, IReadOnlyDictionary<string, string> settings) : IAsyncDisposable
{
    private readonly AppStateFile _state = AppStateFile.InTemp("warroom-shifts");
    private RolloutApiApp? _app;

    internal RolloutApiApp App => _app ?? throw new InvalidOperationException("Not started.");

    public HttpClient Admin => App.Http;

    public Uri Url => App.Url;

    public async Task<ShiftTestApp> StartAsync()
    {
        _app = await RolloutApiApp.StartAsync(influxUrl, _state.Path, settings);
        return this;
    }

    /// <summary>Creates a person with <paramref name="roles"/> (none: a viewer) and returns a client signed in as them.</summary>
    public async Task<HttpClient> PersonAsync(string userName, params string[] roles)
    {
        using var response = await Admin.PostAsJsonAsync("/api/admin/people", new
        {
            userName,
            displayName = userName.ToUpperInvariant(),
            password = TestPeople.Password,
            roles,
        });
        await App.ReadAsync(response, HttpStatusCode.Created);
        return await WarRoomSignIn.SignInAsync(Url, userName, TestPeople.Password);
    }

    /// <summary>Puts <paramref name="primaryByPattern"/> on every day's shift of each pattern, as the admin.</summary>
    public async Task SetDefaultsAsync(IReadOnlyDictionary<string, string> primaryByPattern)
    {
        using var response = await Admin.PutAsJsonAsync("/api/roster", new
        {
            defaults = primaryByPattern.Select(p => new { pattern = p.Key, primary = p.Value }).ToArray(),
        });
        await App.ReadAsync(response, HttpStatusCode.OK);
    }

    /// <summary>The shift <paramref name="id"/> (or current, previous, next) as the API answers it.</summary>
    public Task<JsonElement> ShiftAsync(string id) => App.GetAsync($"/api/shifts/{id}");

    public Task<IReadOnlyList<(string Actor, JsonElement Payload)>> AuditAsync(string kind) => _state.AuditAsync(kind);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _state.Path, _state.Path + "-wal", _state.Path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
