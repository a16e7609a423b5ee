using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Rollouts.Components;
using Dashboard.Web.Tests.TestSupport;

namespace Dashboard.Web.Tests.Rollouts;

/// <summary>The audit trail's "Verify chain" is for operators, as the verify endpoint is (docs/security.md): it hashes every event.</summary>
public sealed class AuditTrailPanelTests
{
    [Fact]
    public async Task VerifyChain_ForAnOperator_IsOfferedAndSaysTheChainIsIntact()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.Operator);
        var rollout = await host.StartRolloutAsync();
        var panel = host.Context.Render<AuditTrailPanel>(p => p.Add(c => c.RolloutId, rollout.Id));

        panel.Find("button[data-testid=audit-verify]").Click();

        panel.WaitForAssertion(() => Assert.StartsWith("CHAIN INTACT", panel.Find("[data-testid=audit-verification]").TextContent.Trim(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyChain_ForAViewer_IsNotOffered_WhileTheTrailIsShown()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.Viewer);
        var rollout = await host.StartRolloutAsync();
        Assert.NotEmpty(await host.Get<AuditLog>().ReadAsync(rollout.Id));

        var panel = host.Context.Render<AuditTrailPanel>(p => p.Add(c => c.RolloutId, rollout.Id));

        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("[data-testid=audit-event]")));
        Assert.Empty(panel.FindAll("[data-testid=audit-verify]"));
    }

    [Fact]
    public async Task VerifyChain_ForALead_IsNotOffered()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.EngineeringLead);
        var rollout = await host.StartRolloutAsync();

        var panel = host.Context.Render<AuditTrailPanel>(p => p.Add(c => c.RolloutId, rollout.Id));

        Assert.Empty(panel.FindAll("[data-testid=audit-verify]"));
        Assert.NotEmpty(panel.FindAll("[data-testid=audit-trail]"));
    }
}
