using Dashboard.Core.Plans;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Demo;
using Dashboard.Web.Features.Incidents;
using Dashboard.Web.Features.Leadership;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Integration.Tests.Incidents;

/// <summary>
/// A critical incident is saved, and the state store goes away before the plan's hold on a critical incident is checked
/// (its folder is moved aside the moment the incident is announced, on the real SQLite store): the person is told the
/// incident was opened and that the phase may not be held, never "nothing was changed", so nobody opens it twice. Once
/// the store is back, the automation's sweep (<see cref="CriticalIncidentHoldWatcher"/>) brings the missed hold — unless
/// someone acted on the rollout first.
/// </summary>
public sealed class IncidentStoreLostTests
{
    private static readonly Actor Operator = Actor.Person("olga", [WarRoomRole.Operator]);

    [Fact]
    public async Task StoreLostRightAfterACriticalIncidentIsSaved_AnswersOpenedAndThatThePhaseMayNotBeHeld()
    {
        await using var scenario = await LostHoldScenario.StartAsync();

        Assert.Contains("The incident 'Checkout 5xx' was opened and audited", scenario.Opened.Detail, StringComparison.Ordinal);
        Assert.Contains("the phase may not be held", scenario.Opened.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Nothing was changed", scenario.Opened.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreBackAfterACriticalIncidentLostItsHold_TheAutomationHoldsThePhaseOnce()
    {
        await using var scenario = await LostHoldScenario.StartAsync();

        await scenario.SweepUntilHeldAsync();

        Assert.False(await scenario.Services.GetRequiredService<IncidentService>().HoldIfMissedAsync(scenario.RolloutId, scenario.Clock.GetUtcNow()));
        var holds = (await scenario.Services.GetRequiredService<AuditLog>().ReadAsync(scenario.RolloutId)).Where(e => e.Kind == "phase.held").ToList();
        var hold = Assert.Single(holds);
        Assert.Equal(AutomationActors.Incidents.Name, hold.Actor);
        Assert.Contains("Critical incident 'Checkout 5xx'", hold.PayloadJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneActedOnTheRolloutAfterTheIncident_TheAutomationDoesNotHoldIt()
    {
        await using var scenario = await LostHoldScenario.StartAsync();
        scenario.Clock.Advance(TimeSpan.FromMinutes(1));
        var changed = await scenario.Services.GetRequiredService<RolloutService>().ExecuteAsync(
            scenario.RolloutId, new RolloutCommand(RolloutAction.ChangeTraffic, Operator, "the incident is in another service", TrafficChangeSource.Ui, 2));
        Assert.Equal(OutcomeKind.Succeeded, changed.Kind);

        Assert.False(await scenario.Services.GetRequiredService<IncidentService>().HoldIfMissedAsync(scenario.RolloutId, scenario.Clock.GetUtcNow()));

        Assert.Equal(PhaseState.Running, (await scenario.Rollouts.LoadAsync(scenario.RolloutId))!.CurrentState);
    }

    [Fact]
    public async Task IncidentBecameCriticalWithinTheGrace_TheSweepLeavesItToTheServicesOwnHold()
    {
        await using var scenario = await LostHoldScenario.StartAsync();

        var held = await scenario.Services.GetRequiredService<IncidentService>().HoldIfMissedAsync(
            scenario.RolloutId, scenario.Clock.GetUtcNow() - (2 * CriticalIncidentHoldWatcher.Grace));

        Assert.False(held);
        Assert.Equal(PhaseState.Running, (await scenario.Rollouts.LoadAsync(scenario.RolloutId))!.CurrentState);
    }

    /// <summary>
    /// A started rollout of the three-phase plan (its canary holds on a critical incident) with a critical incident whose
    /// hold the store lost: the store went away the moment the incident was announced and is back now.
    /// </summary>
    private sealed class LostHoldScenario : IAsyncDisposable
    {
        private readonly TestStateStore _store;

        private LostHoldScenario(TestStateStore store, ServiceProvider services, FakeTimeProvider clock, Guid rolloutId, Outcome<IncidentView> opened)
        {
            _store = store;
            Services = services;
            Clock = clock;
            RolloutId = rolloutId;
            Opened = opened;
        }

        /// <summary>What the person who opened the incident was told.</summary>
        public Outcome<IncidentView> Opened { get; }

        public ServiceProvider Services { get; }

        public FakeTimeProvider Clock { get; }

        public Guid RolloutId { get; }

        public RolloutStore Rollouts => Services.GetRequiredService<RolloutStore>();

        public static async Task<LostHoldScenario> StartAsync()
        {
            var clock = new FakeTimeProvider(StoredRollouts.T0);
            var store = await TestStateStore.CreateAsync(clock);
            var services = RolloutServices.Build(store, new DemoTrafficRouter(new DemoTrafficSplit(0)), clock, (more, _) => more.AddIncidents());
            var rollouts = services.GetRequiredService<RolloutService>();
            var created = await rollouts.CreateAsync(new CreateRolloutRequest("learning-api", "v2.9.4", "v3.0.0", BuiltInPlans.ThreePhase.Id, "sprint 2"), Operator);
            var id = created.Value!.Rollout.Id;
            clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(OutcomeKind.Succeeded, (await rollouts.ExecuteAsync(id, new RolloutCommand(RolloutAction.Start, Operator, "CHG-1", TrafficChangeSource.Ui))).Kind);
            clock.Advance(TimeSpan.FromMinutes(1));
            // Announced right after the save committed: the store is gone for the hold that follows.
            IDisposable? away = null;
            Outcome<IncidentView> opened;
            using (services.GetRequiredService<RolloutChangeFeed>().Subscribe(_ => away ??= store.SqliteStoreAway()))
            {
                opened = await services.GetRequiredService<IncidentService>().OpenAsync(
                    id, new OpenIncidentRequest("critical", "Checkout 5xx", "errors on /checkout", "carol", DataLoss: false), Operator);
                Assert.True(opened.Kind == OutcomeKind.StoreLostAfterSave, $"{opened.Kind}: {opened.Detail}");
            }

            away!.Dispose();
            Assert.Equal(PhaseState.Running, (await services.GetRequiredService<RolloutStore>().LoadAsync(id))!.CurrentState);
            // The service's own hold has had its moment: from here on a sweep counts the hold as missed.
            clock.Advance(CriticalIncidentHoldWatcher.Grace + TimeSpan.FromSeconds(1));
            return new LostHoldScenario(store, services, clock, id, opened);
        }

        /// <summary>Starts the watcher as the lease holder's turn would, until the phase is held (bounded), then stops it.</summary>
        public async Task SweepUntilHeldAsync()
        {
            using var watcher = new CriticalIncidentHoldWatcher(
                Services.GetRequiredService<IncidentService>(), Services.GetRequiredService<IncidentStore>(), Services.GetRequiredService<RolloutChangeFeed>(),
                new SingleInstanceLease(), Clock, NullLogger<CriticalIncidentHoldWatcher>.Instance);
            await watcher.StartAsync(CancellationToken.None);
            try
            {
                await Eventually.UntilAsync(
                    async () => (await Rollouts.LoadAsync(RolloutId))!.CurrentState == PhaseState.Held, TimeSpan.FromSeconds(30), "the sweep holds the phase");
            }
            finally
            {
                await watcher.StopAsync(CancellationToken.None);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Services.DisposeAsync();
            await _store.DisposeAsync();
        }
    }
}
