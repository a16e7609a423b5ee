using Dashboard.Core.Rollouts;
using Dashboard.Web.Features.Rollouts.Components;
using Dashboard.Web.Tests.TestSupport;

namespace Dashboard.Web.Tests.Rollouts;

public sealed class ActionAvailabilityTests
{
    [Theory]
    [InlineData(RolloutAction.Advance)]
    [InlineData(RolloutAction.Hold)]
    [InlineData(RolloutAction.ChangeTraffic)]
    [InlineData(RolloutAction.RollBack)]
    public void WhyNot_AllowedAction_IsNull(RolloutAction action)
    {
        Assert.Null(ActionAvailability.WhyNot(RolloutViews.View(RolloutViews.Started()), action));
    }

    [Fact]
    public void WhyNot_HeldPhase_NamesTheStateAndWhatIsPossible()
    {
        var why = ActionAvailability.WhyNot(RolloutViews.View(RolloutViews.Held()), RolloutAction.ChangeTraffic);

        Assert.Equal(
            "Change traffic is not possible while phase 'canary' is held. Possible now: Resume, Retry phase, Roll back, Abort.",
            why);
    }

    [Fact]
    public void WhyNot_NotStarted_OffersStartAndAbort()
    {
        var why = ActionAvailability.WhyNot(RolloutViews.View(RolloutViews.Created()), RolloutAction.Advance);

        Assert.Equal("Advance is not possible while phase 'canary' is pending. Possible now: Start, Abort.", why);
    }

    [Theory]
    [InlineData(RolloutAction.Start)]
    [InlineData(RolloutAction.Resume)]
    [InlineData(RolloutAction.Abort)]
    public void WhyNot_FinishedRollout_SaysNothingCanChangeIt(RolloutAction action)
    {
        var why = ActionAvailability.WhyNot(RolloutViews.View(RolloutViews.RolledBack()), action);

        Assert.Equal("The rollout is rolled back; nothing can change it any more.", why);
    }
}
