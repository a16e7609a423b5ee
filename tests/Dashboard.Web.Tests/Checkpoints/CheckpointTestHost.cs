using Dashboard.Infrastructure.Checkpoints;
using Dashboard.Infrastructure.Influx;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Checkpoints;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Checkpoints;

/// <summary>
/// A bUnit context with the checkpoint page's services wired as the app wires them, on a real SQLite
/// state store in a temp folder (migrated): rollouts, verdicts, decisions, the decision and re-run services
/// and a fake clock at <see cref="RolloutViews.T0"/>, signed in as an operator unless a test names someone
/// else. Deleted on dispose.
/// </summary>
internal sealed class CheckpointTestHost : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "warroom-checkpoints-" + Guid.NewGuid().ToString("N"));

    private CheckpointTestHost(TestUser user)
    {
        Directory.CreateDirectory(_folder);
        Context.Services.AddMudServices();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddSingleton<TimeProvider>(Clock);
        Context.Services.AddDriftBannerServices($"Data Source={Path.Combine(_folder, "state.db")}", new SettableRouter());
        Context.Services.AddSingleton<CheckpointDetails>();
        Context.Services.AddSingleton<CheckpointDecisionService>();

        // The re-run's evaluator on an InfluxDB nobody serves: pages get it injected, tests never evaluate.
        var influx = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Influx:Url"] = "http://127.0.0.1:9", ["Influx:Database"] = "unused" })
            .Build();
        Context.Services.AddInflux(influx).AddCheckpointEvaluator(influx);
        Context.Services.AddSingleton<CheckpointRequestBuilder>();
        Context.Services.AddSingleton<CheckpointReevaluation>();
        Context.SignInAs(user);
        Context.SetRendererInfo(RendererModes.Interactive);
    }

    public BunitContext Context { get; } = new();

    public FakeTimeProvider Clock { get; } = new(RolloutViews.T0);

    public CheckpointVerdictStore Verdicts => Context.Services.GetRequiredService<CheckpointVerdictStore>();

    public static async Task<CheckpointTestHost> CreateAsync(TestUser? user = null)
    {
        var host = new CheckpointTestHost(user ?? TestUser.Operator);
        await host.Context.Services.GetRequiredService<StateStoreMigrator>().MigrateAsync();
        return host;
    }

    /// <summary>Stores a rollout of the three-phase plan whose canary started at <see cref="RolloutViews.T0"/>.</summary>
    public async Task<RolloutDetail> StartRolloutAsync() =>
        await DetailAsync((await StoredRollouts.StartAsync(Context.Services.GetRequiredService<RolloutStore>())).Id);

    public async Task<RolloutDetail> DetailAsync(Guid id) =>
        await Context.Services.GetRequiredService<RolloutService>().FindDetailAsync(id) ?? throw new InvalidOperationException($"No rollout {id}.");

    /// <summary>Persists <paramref name="evaluation"/> as the scheduled run would.</summary>
    public async Task StoreAsync(Guid rolloutId, Dashboard.Core.Checkpoints.CheckpointEvaluation evaluation) =>
        Assert.True(await Verdicts.TryAddAsync(rolloutId, RolloutViews.T0, evaluation, "automation (checkpoints)"));

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
