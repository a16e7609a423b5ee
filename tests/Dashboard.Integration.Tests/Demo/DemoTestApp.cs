using Dashboard.Infrastructure.Influx;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Access;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Demo;
using Dashboard.Web.Features.Leadership;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Integration.Tests.Demo;

/// <summary>
/// A minimal web app with the demo, InfluxDB, the state store and sign-in wired the way <c>Program.cs</c>
/// wires them, listening on a free loopback port. <see cref="Http"/> carries an API key with the Operator
/// role (the fault endpoints are authorized and audited); <see cref="Anonymous"/> carries none.
/// </summary>
internal sealed class DemoTestApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private DemoTestApp(WebApplication app, Uri address, string folder)
    {
        _app = app;
        _folder = folder;
        Http = new HttpClient { BaseAddress = address };
        Anonymous = new HttpClient { BaseAddress = address };
    }

    public HttpClient Http { get; }

    public HttpClient Anonymous { get; }

    /// <summary>A client with a fresh API key holding <paramref name="roles"/>.</summary>
    public async Task<HttpClient> WithKeyAsync(string name, params WarRoomRole[] roles)
    {
        var client = new HttpClient { BaseAddress = Http.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await CreateKeyAsync(name, roles));
        return client;
    }

    private async Task<string> CreateKeyAsync(string name, WarRoomRole[] roles)
    {
        var (token, prefix, hash) = ApiKeyTokens.Generate();
        await Services.GetRequiredService<ApiKeyStore>().CreateAsync(new ApiKeyRecord
        {
            Id = Guid.NewGuid(),
            Name = name,
            Prefix = prefix,
            SecretHash = hash,
            Roles = WarRoomRoles.FormatList(roles),
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedBy = "demo tests",
            ExpiresAt = DateTimeOffset.UtcNow.AddDays(1),
        });
        return token;
    }

    public IServiceProvider Services => _app.Services;

    /// <summary>Settings of a quiet demo: one tick an hour, no backfill, fixed seed, quick InfluxDB retries.</summary>
    public static Dictionary<string, string?> Settings(Uri influxUrl, string database, bool demoEnabled = true) => new()
    {
        ["Influx:Url"] = influxUrl.ToString(),
        ["Influx:Database"] = database,
        ["Influx:MaxRetries"] = "1",
        ["Influx:RetryBaseDelay"] = "00:00:00.010",
        ["Influx:MaxRetryDelay"] = "00:00:00.100",
        ["Influx:FlushInterval"] = "00:00:00.050",
        ["Demo:Enabled"] = demoEnabled ? "true" : "false",
        ["Demo:Interval"] = "00:05:00",
        ["Demo:BackfillHours"] = "0",
        ["Demo:Seed"] = "17",
        ["Demo:CanaryWeightPercent"] = "50",
    };

    public static async Task<DemoTestApp> StartAsync(IDictionary<string, string?> settings)
    {
        var folder = Directory.CreateTempSubdirectory("warroom-demo-").FullName;
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["StateStore:ConnectionString"] = $"Data Source={Path.Combine(folder, "state.db")}",
        });
        builder.Logging.ClearProviders();
        builder.Services.AddProblemDetails();
        builder.Services.AddInflux(builder.Configuration);
        builder.Services.AddStateStore(builder.Configuration);
        builder.Services.AddWarRoomAccess(builder.Configuration);
        builder.Services.AddSingleton<AccessAuthorization>();
        builder.Services.AddLeadership(builder.Configuration);
        builder.Services.AddDemo(builder.Configuration);

        var app = builder.Build();
        await app.Services.GetRequiredService<StateStoreMigrator>().MigrateAsync();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDemoEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var demo = new DemoTestApp(app, new Uri(address), folder);
        demo.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await demo.CreateKeyAsync("demo-operator", [WarRoomRole.Operator]));
        return demo;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Anonymous.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
