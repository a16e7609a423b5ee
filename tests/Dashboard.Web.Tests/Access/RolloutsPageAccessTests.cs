using Dashboard.Web.Features.Rollouts.Pages;
using Dashboard.Web.Tests.TestSupport;

namespace Dashboard.Web.Tests.Access;

/// <summary>"New rollout" on the rollout list follows the person's roles.</summary>
public sealed class RolloutsPageAccessTests
{
    [Fact]
    public async Task Operator_IsOfferedNewRollout()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.Operator, RolloutPageTesting.AddRolloutPageServices);

        var page = host.Context.Render<RolloutsPage>();

        Assert.NotEmpty(page.FindAll("button[data-testid=new-rollout]"));
        Assert.Empty(page.FindAll("[data-testid=access-note]"));
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("lead")]
    public async Task NotAnOperator_SeesNoNewRolloutButtonButALineSayingWhy(string who)
    {
        var user = who == "viewer" ? TestUser.Viewer : TestUser.EngineeringLead;
        await using var host = await AppTestHost.CreateAsync(user, RolloutPageTesting.AddRolloutPageServices);
        await host.StartRolloutAsync();

        var page = host.Context.Render<RolloutsPage>();

        Assert.Empty(page.FindAll("[data-testid=new-rollout]"));
        Assert.Equal(
            $"You are signed in as {(who == "viewer" ? "viewer" : "engineering lead")}: you can watch rollouts but not create them.",
            page.Find("[data-testid=access-note]").TextContent.Trim());
        Assert.Single(page.FindAll("[data-testid=rollout-row]"));
    }
}
