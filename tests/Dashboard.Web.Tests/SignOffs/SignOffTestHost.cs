using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Features.SignOffs;
using Dashboard.Web.Shared;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.SignOffs;

/// <summary>
/// An <see cref="AppTestHost"/> signed in as one person, with the sign-off feature wired as the app wires it on its
/// state store (migrated), and a rollout of the three-phase plan to sign. Deleted on dispose.
/// </summary>
internal sealed class SignOffTestHost : IAsyncDisposable
{
    public static readonly Actor Operator = Actor.Person("olga", [WarRoomRole.Operator]);
    public static readonly Actor EngineeringLead = Actor.Person("erin", [WarRoomRole.EngineeringLead]);
    public static readonly Actor OperationsLead = Actor.Person("oscar", [WarRoomRole.OperationsLead]);

    private readonly AppTestHost _host;

    private SignOffTestHost(AppTestHost host) => _host = host;

    public BunitContext Context => _host.Context;

    public FakeTimeProvider Clock => _host.Clock;

    public GateService Gates => Context.Services.GetRequiredService<GateService>();

    public static async Task<SignOffTestHost> CreateAsync(string userName, params WarRoomRole[] roles) =>
        new(await AppTestHost.CreateAsync(new TestUser(userName, roles)));

    /// <summary>Created and started by the operator through the rollout service: canary at 1 %, running.</summary>
    public async Task<Guid> StartedRolloutAsync()
    {
        var rollouts = Context.Services.GetRequiredService<RolloutService>();
        var created = await rollouts.CreateAsync(new CreateRolloutRequest("learning-api", "v2.9.4", "v3.0.0", BuiltInPlans.ThreePhase.Id, "sprint 2"), Operator);
        Assert.Equal(OutcomeKind.Created, created.Kind);
        await RunAsync(created.Value!.Rollout.Id, RolloutAction.Start, Operator);
        return created.Value.Rollout.Id;
    }

    /// <summary>What the checkpoint runner does when the canary's last checkpoint passes.</summary>
    public Task RequestSignOffAsync(Guid rolloutId) => RunAsync(rolloutId, RolloutAction.RequestSignOff, AutomationActors.Checkpoints);

    /// <summary>An operator takes the candidate out of traffic: the rollout ends.</summary>
    public Task RollBackAsync(Guid rolloutId) => RunAsync(rolloutId, RolloutAction.RollBack, Operator);

    public async Task<Rollout> LoadAsync(Guid rolloutId) => (await Context.Services.GetRequiredService<RolloutStore>().LoadAsync(rolloutId))!;

    /// <summary>Signs through the service, a second after anything before, as another lead's browser would.</summary>
    public async Task SignAsync(Guid rolloutId, Actor lead, SignOffRole role, string decision, string comment)
    {
        Clock.Advance(TimeSpan.FromSeconds(1));
        var outcome = await Gates.SignAsync(rolloutId, 0, new SignOffRequest(role.ToString(), decision, comment), lead);
        Assert.Equal(OutcomeKind.Created, outcome.Kind);
    }

    public async Task TickEveryItemAsync(Guid rolloutId)
    {
        foreach (var item in Dashboard.Core.Checklists.BuiltInChecklists.CanaryGoNoGo.Items)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(OutcomeKind.Succeeded, (await Gates.TickAsync(rolloutId, 0, item.Id, true, Operator)).Kind);
        }
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task RunAsync(Guid rolloutId, RolloutAction action, Actor actor)
    {
        Clock.Advance(TimeSpan.FromSeconds(1));
        var outcome = await Context.Services.GetRequiredService<RolloutService>().ExecuteAsync(rolloutId, new RolloutCommand(action, actor, "test", TrafficChangeSource.Ui));
        Assert.True(outcome.Kind == OutcomeKind.Succeeded, $"{action}: {outcome.Kind} {outcome.Detail}");
    }
}
