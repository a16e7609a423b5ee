using Dashboard.Core.Checklists;
using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Demo;
using Dashboard.Web.Features.Leadership;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Features.SignOffs;
using Dashboard.Web.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Integration.Tests.SignOffs;

/// <summary>
/// The sign-off feature wired as the app wires it (<c>AddStateStore</c>, <c>AddRollouts</c>, <c>AddSignOffs</c>)
/// on a real SQLite state store, with the built-in router and a clock the test moves. The people are
/// signed-in actors with the roles the tests need.
/// </summary>
internal sealed class GateHost : IAsyncDisposable
{
    public static readonly Actor Operator = Actor.Person("olga", [WarRoomRole.Operator]);
    public static readonly Actor EngineeringLead = Actor.Person("erin", [WarRoomRole.EngineeringLead]);
    public static readonly Actor OperationsLead = Actor.Person("oscar", [WarRoomRole.OperationsLead]);
    public static readonly Actor Viewer = Actor.Person("vera", [WarRoomRole.Viewer]);

    private GateHost(TestStateStore store, FakeTimeProvider clock, ServiceProvider services)
    {
        Store = store;
        Clock = clock;
        Services = services;
    }

    public TestStateStore Store { get; }

    public FakeTimeProvider Clock { get; }

    public ServiceProvider Services { get; }

    public GateService Gates => Services.GetRequiredService<GateService>();

    public RolloutService Rollouts => Services.GetRequiredService<RolloutService>();

    public static ChecklistTemplate CanaryChecklist => BuiltInChecklists.CanaryGoNoGo;

    public static async Task<GateHost> CreateAsync()
    {
        var clock = new FakeTimeProvider(StoredRollouts.T0);
        var store = await TestStateStore.CreateAsync(clock);
        var split = new DemoTrafficSplit(0);
        var services = RolloutServices.Build(store, new DemoTrafficRouter(split), clock, (services, configuration) =>
        {
            services.AddSignOffs();
            services.AddLeadership(configuration);
            services.AddSingleton(split);
        });
        return new GateHost(store, clock, services);
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public Task<IReadOnlyList<AuditEventRecord>> AuditAsync(Guid rolloutId) => Get<AuditLog>().ReadAsync(rolloutId);

    public async Task<Rollout> LoadAsync(Guid rolloutId) => (await Get<RolloutStore>().LoadAsync(rolloutId))!;

    /// <summary>A rollout of the three-phase plan, created and started by the operator: canary at 1 %, running.</summary>
    public async Task<Guid> StartedRolloutAsync()
    {
        var created = await Rollouts.CreateAsync(new CreateRolloutRequest("learning-api", "v2.9.4", "v3.0.0", BuiltInPlans.ThreePhase.Id, "sprint 2"), Operator);
        Assert.Equal(OutcomeKind.Created, created.Kind);
        var id = created.Value!.Rollout.Id;
        Clock.Advance(TimeSpan.FromMinutes(1));
        await RunAsync(id, RolloutAction.Start, Operator, "CHG-1");
        return id;
    }

    /// <summary>What the checkpoint runner does when the phase's last checkpoint passes.</summary>
    public Task RequestSignOffAsync(Guid rolloutId) =>
        RunAsync(rolloutId, RolloutAction.RequestSignOff, AutomationActors.Checkpoints, "every checkpoint passed");

    public async Task RunAsync(Guid rolloutId, RolloutAction action, Actor actor, string reason)
    {
        Clock.Advance(TimeSpan.FromSeconds(1));
        var outcome = await Rollouts.ExecuteAsync(rolloutId, new RolloutCommand(action, actor, reason, TrafficChangeSource.Ui));
        Assert.True(outcome.Kind == OutcomeKind.Succeeded, $"{action}: {outcome.Kind} {outcome.Detail}");
    }

    /// <summary>Signs at a later instant than anything before, so "latest" is never a tie.</summary>
    public async Task<Outcome<GateView>> SignAsync(Guid rolloutId, Actor lead, SignOffRole role, string decision, string comment, int phaseIndex = 0)
    {
        Clock.Advance(TimeSpan.FromSeconds(1));
        return await Gates.SignAsync(rolloutId, phaseIndex, new SignOffRequest(role.ToString(), decision, comment), lead);
    }

    public async Task<Outcome<GateView>> TickAsync(Guid rolloutId, string itemId, bool ticked, Actor? actor = null, int phaseIndex = 0)
    {
        Clock.Advance(TimeSpan.FromSeconds(1));
        return await Gates.TickAsync(rolloutId, phaseIndex, itemId, ticked, actor ?? Operator);
    }

    public async Task TickEveryCanaryItemAsync(Guid rolloutId)
    {
        foreach (var item in CanaryChecklist.Items)
        {
            Assert.Equal(OutcomeKind.Succeeded, (await TickAsync(rolloutId, item.Id, true)).Kind);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Store.DisposeAsync();
    }
}
