using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Demo;
using Dashboard.Web.Features.Incidents;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Integration.Tests.Incidents;

/// <summary>
/// A critical incident is saved, and the state store goes away before the plan's hold on a critical incident is checked
/// (its folder is deleted the moment the incident is announced, on the real SQLite store): the person is told the
/// incident was opened and that the phase may not be held, never "nothing was changed", so nobody opens it twice.
/// </summary>
public sealed class IncidentStoreLostTests
{
    private static readonly Actor Operator = Actor.Person("olga", [WarRoomRole.Operator]);

    [Fact]
    public async Task StoreLostRightAfterACriticalIncidentIsSaved_AnswersOpenedAndThatThePhaseMayNotBeHeld()
    {
        var clock = new FakeTimeProvider(StoredRollouts.T0);
        await using var store = await TestStateStore.CreateAsync(clock);
        await using var services = RolloutServices.Build(store, new DemoTrafficRouter(new DemoTrafficSplit(0)), clock, (more, _) => more.AddIncidents());
        var rollouts = services.GetRequiredService<RolloutService>();
        var created = await rollouts.CreateAsync(new CreateRolloutRequest("learning-api", "v2.9.4", "v3.0.0", BuiltInPlans.ThreePhase.Id, "sprint 2"), Operator);
        var id = created.Value!.Rollout.Id;
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(OutcomeKind.Succeeded, (await rollouts.ExecuteAsync(id, new RolloutCommand(RolloutAction.Start, Operator, "CHG-1", TrafficChangeSource.Ui))).Kind);
        // Announced right after the save committed: the store is gone for the hold that follows.
        using var lose = services.GetRequiredService<RolloutChangeFeed>().Subscribe(_ => store.LoseSqliteStore());

        var opened = await services.GetRequiredService<IncidentService>().OpenAsync(
            id, new OpenIncidentRequest("critical", "Checkout 5xx", "errors on /checkout", "carol", DataLoss: false), Operator);

        Assert.True(opened.Kind == OutcomeKind.StoreLostAfterSave, $"{opened.Kind}: {opened.Detail}");
        Assert.Contains("The incident 'Checkout 5xx' was opened and audited", opened.Detail, StringComparison.Ordinal);
        Assert.Contains("the phase may not be held", opened.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Nothing was changed", opened.Detail, StringComparison.Ordinal);
    }
}
