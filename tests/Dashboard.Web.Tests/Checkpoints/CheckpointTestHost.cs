using Dashboard.Infrastructure.Checkpoints;
using Dashboard.Infrastructure.Influx;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Checkpoints;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.Checkpoints;

/// <summary>
/// An <see cref="AppTestHost"/> with the checkpoint page's services wired as the app wires them, on its
/// state store (migrated): rollouts, verdicts, decisions, the decision and re-run services
/// and a fake clock at <see cref="RolloutViews.T0"/>, signed in as an operator unless a test names someone
/// else. Deleted on dispose.
/// </summary>
internal sealed class CheckpointTestHost : IAsyncDisposable
{
    private readonly AppTestHost _host;

    private CheckpointTestHost(AppTestHost host) => _host = host;

    public BunitContext Context => _host.Context;

    public FakeTimeProvider Clock => _host.Clock;

    public CheckpointVerdictStore Verdicts => Context.Services.GetRequiredService<CheckpointVerdictStore>();

    public static async Task<CheckpointTestHost> CreateAsync(TestUser? user = null) =>
        new(await AppTestHost.CreateAsync(user, services =>
        {
            services.AddSingleton<CheckpointDetails>();
            services.AddSingleton<CheckpointDecisionService>();

            // The re-run's evaluator on an InfluxDB nobody serves: pages get it injected, tests never evaluate.
            var influx = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Influx:Url"] = "http://127.0.0.1:9", ["Influx:Database"] = "unused" })
                .Build();
            services.AddInflux(influx).AddCheckpointEvaluator(influx);
            services.AddSingleton<CheckpointRequestBuilder>();
            services.AddSingleton<CheckpointReevaluation>();
        }));

    /// <summary>Stores a rollout of the three-phase plan whose canary started at <see cref="RolloutViews.T0"/>.</summary>
    public async Task<RolloutDetail> StartRolloutAsync() =>
        await DetailAsync((await _host.StartRolloutAsync()).Id);

    public async Task<RolloutDetail> DetailAsync(Guid id) =>
        await Context.Services.GetRequiredService<RolloutService>().FindDetailAsync(id) ?? throw new InvalidOperationException($"No rollout {id}.");

    /// <summary>Persists <paramref name="evaluation"/> as the scheduled run would.</summary>
    public async Task StoreAsync(Guid rolloutId, Dashboard.Core.Checkpoints.CheckpointEvaluation evaluation) =>
        Assert.True(await Verdicts.TryAddAsync(rolloutId, RolloutViews.T0, evaluation, "automation (checkpoints)"));

    /// <inheritdoc cref="AppTestHost.LoseStateStore"/>
    public void LoseStateStore() => _host.LoseStateStore();

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
