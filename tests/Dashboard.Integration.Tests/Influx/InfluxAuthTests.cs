using Dashboard.Infrastructure.Influx;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Influx;

/// <summary>Credentials against an influxd 1.6.7 started with <c>auth-enabled = true</c>.</summary>
public sealed class InfluxAuthTests(InfluxAuthTests.AuthServer server) : IClassFixture<InfluxAuthTests.AuthServer>
{
    private const string Admin = "admin";
    private const string Password = "s3cret pass:word";
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    [Fact]
    public async Task Write_WithUsernameAndPassword_IsAuthorized()
    {
        var client = InfluxClients.Create(server.Url, "secured", o => { o.Username = Admin; o.Password = Password; });

        await client.WriteAsync([new InfluxPoint("m", At).Field("v", 1L)]);

        Assert.Equal(1L, Assert.Single(Assert.Single(await client.QueryAsync("SELECT v FROM m")).Series).Values[0][1]);
    }

    [Fact]
    public async Task Query_WithWrongPassword_ThrowsUnauthorizedWithoutRetryingOrLeakingIt()
    {
        var time = new DelayRecordingTimeProvider();
        var client = InfluxClients.Create(server.Url, "secured", o => { o.Username = Admin; o.Password = "wrong-password"; }, time);

        var error = await Assert.ThrowsAsync<InfluxUnauthorizedException>(() => client.QueryAsync("SHOW DATABASES"));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("authorization failed", error.ServerMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(time.Delays);
    }

    [Fact]
    public async Task Write_WithoutCredentials_ThrowsUnauthorized()
    {
        var client = InfluxClients.Create(server.Url, "secured");

        var error = await Assert.ThrowsAsync<InfluxUnauthorizedException>(() => client.WriteAsync([new InfluxPoint("m", At).Field("v", 1L)]));

        Assert.Equal(401, error.StatusCode);
    }

    [Fact]
    public async Task Query_WithTokenThat167DoesNotKnow_ThrowsUnauthorized()
    {
        // 1.6.7 predates "Authorization: Token"; 1.8+, 2.x and 3.x accept it. The header must still go out.
        var client = InfluxClients.Create(server.Url, "secured", o => { o.Token = $"{Admin}:{Password}"; o.Username = "ignored"; });

        await Assert.ThrowsAsync<InfluxUnauthorizedException>(() => client.QueryAsync("SHOW DATABASES"));
    }

    [Fact]
    public async Task Query_NonAdminUserWithoutGrant_ThrowsForbiddenAsUnauthorized()
    {
        var admin = InfluxClients.Create(server.Url, "secured", o => { o.Username = Admin; o.Password = Password; });
        await admin.QueryAsync("CREATE USER \"reader\" WITH PASSWORD 'reader-pass'");
        var reader = InfluxClients.Create(server.Url, "secured", o => { o.Username = "reader"; o.Password = "reader-pass"; });

        var error = await Assert.ThrowsAsync<InfluxUnauthorizedException>(() => reader.WriteAsync([new InfluxPoint("m", At).Field("v", 1L)]));

        Assert.Equal(403, error.StatusCode);
    }

    /// <summary>A second influxd, with authentication on and one admin user.</summary>
    public sealed class AuthServer : IAsyncLifetime
    {
        private InfluxServer? _server;

        public Uri Url => _server?.Url ?? throw new InvalidOperationException("influxd has not started.");

        public async Task InitializeAsync()
        {
            _server = await InfluxServer.StartAsync(authEnabled: true);
            var bootstrap = InfluxClients.Create(_server.Url, "secured");
            await bootstrap.QueryAsync($"CREATE USER \"{Admin}\" WITH PASSWORD {InfluxQl.StringLiteral(Password)} WITH ALL PRIVILEGES");
            var admin = InfluxClients.Create(_server.Url, "secured", o => { o.Username = Admin; o.Password = Password; });
            await admin.EnsureDatabaseAsync();
        }

        public async Task DisposeAsync()
        {
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
        }
    }
}
