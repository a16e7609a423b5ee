using Dashboard.Core.Rollouts;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Reasons.Components;
using Dashboard.Web.Tests.TestSupport;

namespace Dashboard.Web.Tests.Reasons;

/// <summary>The war room says why with the same words and evidence as the rollout page.</summary>
public sealed class WarRoomReasonTests
{
    [Fact]
    public async Task RolledBackRollout_WarRoomShowsTheSameReasonAsTheRolloutPage()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.Operator, RolloutPageTesting.AddRolloutPageServices);
        var rollout = await host.StartRolloutAsync();
        await RolloutTopTests.ActAsync(host, rollout.Id, RolloutAction.RollBack, AutomationActors.Guardrails, RolloutTopTests.GuardrailWords);
        var (page, _) = host.RenderRolloutPage(rollout.Id);

        var warRoom = host.Context.Render<WarRoomReason>();

        var reason = warRoom.Find("[data-testid=warroom-reason]");
        Assert.Equal(rollout.Id.ToString(), reason.GetAttribute("data-rollout"));
        Assert.Equal("ROLLED BACK", warRoom.Find("[data-testid=warroom-reason-status]").TextContent.Trim());
        Assert.Equal(page.Find("[data-testid=state-reason]").OuterHtml, warRoom.Find("[data-testid=state-reason]").OuterHtml);
        Assert.Contains("error rate 3.27 %", warRoom.Find("[data-testid=state-reason-words]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeldRollout_IsShownWhenItIsHeldAndGoneWhenItResumes()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.Operator, RolloutPageTesting.AddRolloutPageServices);
        var rollout = await host.StartRolloutAsync();
        var warRoom = host.Context.Render<WarRoomReason>(p => p.Add(w => w.RolloutId, rollout.Id));
        Assert.Empty(warRoom.FindAll("[data-testid=warroom-reason]"));

        await RolloutTopTests.ActAsync(host, rollout.Id, RolloutAction.Hold, Actor.Person("erin", [WarRoomRole.EngineeringLead]), "looking at a latency spike");

        warRoom.WaitForAssertion(() => Assert.Equal("“looking at a latency spike”", warRoom.Find("[data-testid=state-reason-words]").TextContent.Trim()));
        Assert.Equal("HELD", warRoom.Find("[data-testid=warroom-reason-status]").TextContent.Trim());

        await RolloutTopTests.ActAsync(host, rollout.Id, RolloutAction.Resume, Actor.Person("alice", [WarRoomRole.Operator]), "spike explained");

        warRoom.WaitForAssertion(() => Assert.Empty(warRoom.FindAll("[data-testid=warroom-reason]")));
    }
}
