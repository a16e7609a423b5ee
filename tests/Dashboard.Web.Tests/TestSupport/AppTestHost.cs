using Bunit.TestDoubles;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.TestSupport;
using Dashboard.Web.Features.TrafficDrift;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.TestSupport;

/// <summary>
/// The one bUnit host: a context wired as the app wires a live circuit — MudBlazor with loose JS interop, the fake
/// clock at <see cref="T0"/> unless a test says otherwise, the app's services (<see cref="AppServices.AddAppServices"/>)
/// on a real SQLite state store in a temp folder and a <see cref="SettableRouter"/>, signed in as an operator unless a
/// test names someone else. A feature's host or a test adds its own services through <c>addServices</c>.
/// <see cref="CreateAsync"/> migrates the store; a host made with the constructor never opens it. Deleted on dispose.
/// </summary>
internal sealed class AppTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "warroom-ui-" + Guid.NewGuid().ToString("N"));

    /// <param name="user">Who the circuit is signed in as; an operator unless named.</param>
    /// <param name="addServices">What the component under test needs beyond the app's general services.</param>
    /// <param name="now">Where the fake clock starts; <see cref="T0"/> unless named.</param>
    public AppTestHost(TestUser? user = null, Action<IServiceCollection>? addServices = null, DateTimeOffset? now = null)
    {
        Clock = new FakeTimeProvider(now ?? T0);
        Directory.CreateDirectory(_folder);
        Context.Services.AddMudServices();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddSingleton<TimeProvider>(Clock);
        Context.Services.AddAppServices($"Data Source={Path.Combine(_folder, "state.db")}", Router);
        addServices?.Invoke(Context.Services);
        Authorization = Context.SignInAs(user ?? TestUser.Operator);

        // Last: it resolves the renderer, after which no service can be added.
        Context.SetRendererInfo(RendererModes.Interactive);
    }

    public BunitContext Context { get; } = new();

    public FakeTimeProvider Clock { get; }

    public SettableRouter Router { get; } = new();

    /// <summary>Who the circuit is signed in as; a test may sign in someone else (a kiosk screen) before rendering.</summary>
    public BunitAuthorizationContext Authorization { get; }

    public TrafficDriftMonitor Monitor => Get<TrafficDriftMonitor>();

    private string LostFolder => _folder + "-lost";

    /// <summary>A host whose state store is migrated, ready to keep rollouts, verdicts and audit events.</summary>
    public static async Task<AppTestHost> CreateAsync(TestUser? user = null, Action<IServiceCollection>? addServices = null, DateTimeOffset? now = null)
    {
        var host = new AppTestHost(user, addServices, now);
        // As the app starts: the schema, then the first signed checkpoint of the audit chain's head.
        await host.Get<StateStoreMigrator>().MigrateAsync();
        await host.Get<AuditCheckpointWriter>().WriteAsync();
        return host;
    }

    public T Get<T>()
        where T : notnull => Context.Services.GetRequiredService<T>();

    /// <summary>Stores a rollout of the three-phase plan whose canary alice started at 1 % at <see cref="T0"/>, as the app would have.</summary>
    public async Task<Rollout> StartRolloutAsync() => (await StoredRollouts.StartedAsync(Get<RolloutStore>(), T0)).Rollout;

    /// <summary>
    /// Makes the state store unreachable, as a lost disk would: pooled connections are dropped and the store's folder is
    /// moved away, so the next open fails with SQLite's "unable to open database file" (error 14) until
    /// <see cref="BringBackStateStore"/>.
    /// </summary>
    public void LoseStateStore()
    {
        SqliteConnection.ClearAllPools();
        Directory.Move(_folder, LostFolder);
    }

    /// <summary>Puts the store lost by <see cref="LoseStateStore"/> back, with everything it held: it answers again.</summary>
    public void BringBackStateStore()
    {
        SqliteConnection.ClearAllPools();
        Directory.Move(LostFolder, _folder);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(LostFolder))
        {
            BringBackStateStore();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
