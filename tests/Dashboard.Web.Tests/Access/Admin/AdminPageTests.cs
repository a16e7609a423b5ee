using AngleSharp.Dom;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Access.Admin;
using Dashboard.Web.Features.Access.Admin.Components;
using Dashboard.Web.Features.Access.Admin.Pages;
using MudBlazor;

namespace Dashboard.Web.Tests.Access.Admin;

/// <summary>The admin page with its dialogs on the real admin service and a real SQLite state store.</summary>
public sealed class AdminPageTests
{
    private static IElement Field(IRenderedComponent<MudDialogProvider> dialogs, string testId)
    {
        var marked = dialogs.Find($"[data-testid={testId}]");
        return marked.LocalName is "input" or "textarea" ? marked : marked.QuerySelector("input, textarea")!;
    }

    private static void Tick(IRenderedComponent<MudDialogProvider> dialogs, WarRoomRole role) =>
        Field(dialogs, $"role-{role}").Change(true);

    [Fact]
    public async Task Admin_SeesEveryPersonWithRolesSignInAndStatus()
    {
        await using var host = await AdminPageHost.CreateAsync("root", WarRoomRole.Admin);
        var alice = (await host.Service.CreatePersonAsync(new CreatePersonRequest("alice", "Alice", "correct horse battery", ["Operator", "ProductLead"]), AdminPageHost.Root)).Value!;
        await host.Service.SetDisabledAsync(alice.Id, disabled: true, AdminPageHost.Root);
        host.RenderDialogs();

        var page = host.Context.Render<AdminPage>();

        Assert.Equal(["person-row-alice", "person-row-root"], page.FindAll("[data-testid=admin-people] tbody tr").Select(r => r.GetAttribute("data-testid")));
        var row = page.Find("[data-testid=person-row-alice]");
        Assert.Equal("Operator, Product lead", row.QuerySelector("[data-testid=person-roles]")!.TextContent);
        Assert.Equal("Disabled", row.QuerySelector("[data-testid=person-status]")!.TextContent);
        Assert.Contains("Password", row.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(row.QuerySelectorAll("[data-testid=enable-person]"));
        Assert.Empty(page.FindAll("[data-testid=admin-refused]"));
    }

    [Fact]
    public async Task NewPersonDialog_WithRolesTicked_StoresThePerson_AndTheTableShowsThem()
    {
        await using var host = await AdminPageHost.CreateAsync("root", WarRoomRole.Admin);
        var dialogs = host.RenderDialogs();
        var page = host.Context.Render<AdminPage>();

        page.Find("[data-testid=admin-new-person]").Click();
        var confirm = () => dialogs.Find("[data-testid=confirm-person]");
        Field(dialogs, "user-name-input").Input("bob");
        Field(dialogs, "display-name-input").Input("Bob Builder");
        Assert.True(confirm().HasAttribute("disabled"));
        Field(dialogs, "password-input").Input("correct horse battery");
        Tick(dialogs, WarRoomRole.Operator);
        Tick(dialogs, WarRoomRole.EngineeringLead);
        await confirm().ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(
            "Operator, Engineering lead", page.Find("[data-testid=person-row-bob] [data-testid=person-roles]").TextContent));
        var stored = Assert.Single((await host.Service.ListPeopleAsync(AdminPageHost.Root)).Value!, p => p.UserName == "bob");
        Assert.Equal(["Operator", "EngineeringLead"], stored.Roles);
        Assert.Empty(dialogs.FindAll("[data-testid=create-person-dialog]"));
    }

    [Fact]
    public async Task EditRoles_OfTheLastAdminWithoutAdmin_ShowsTheRefusal_AndKeepsTheRole()
    {
        await using var host = await AdminPageHost.CreateAsync("root", WarRoomRole.Admin);
        var dialogs = host.RenderDialogs();
        var page = host.Context.Render<AdminPage>();

        page.Find("[data-testid=person-row-root] [data-testid=edit-roles]").Click();
        Field(dialogs, $"role-{WarRoomRole.Admin}").Change(false);
        await dialogs.Find("[data-testid=confirm-roles]").ClickAsync(new());

        Assert.Contains("last enabled admin", dialogs.Find("[data-testid=dialog-error]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Admin"], Assert.Single((await host.Service.ListPeopleAsync(AdminPageHost.Root)).Value!).Roles);
    }

    [Fact]
    public async Task NewKey_ShowsTheTokenOnceWithACopyButton_AndNowhereOnceClosed()
    {
        await using var host = await AdminPageHost.CreateAsync("root", WarRoomRole.Admin);
        var dialogs = host.RenderDialogs();
        var page = host.Context.Render<AdminPage>();

        page.Find("[data-testid=admin-new-key]").Click();
        Assert.Empty(dialogs.FindAll($"[data-testid=role-{WarRoomRole.Admin}]"));
        Field(dialogs, "key-name-input").Input("ci-deploy");
        Tick(dialogs, WarRoomRole.Operator);
        await dialogs.Find("[data-testid=confirm-key]").ClickAsync(new());

        var token = dialogs.WaitForElement("[data-testid=admin-key-token]").TextContent;
        Assert.True(ApiKeyTokens.TryParse(token, out var prefix, out var secret));
        Assert.Contains("will not be shown again", dialogs.Find("[data-testid=copy-value-message]").TextContent, StringComparison.Ordinal);
        dialogs.Find("[data-testid=copy-admin-key-token]").Click();
        Assert.Equal(token, Assert.Single(host.Context.JSInterop.Invocations, i => i.Identifier == "navigator.clipboard.writeText").Arguments[0]);

        dialogs.Find("[data-testid=close-copy-value]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=admin-key-token]")));
        var row = page.Find("[data-testid=key-row]");
        Assert.Equal(("ci-deploy", "Live"), (row.GetAttribute("data-name"), row.GetAttribute("data-state")));
        Assert.Contains($"wrk_{prefix}_…", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, page.Markup + dialogs.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeKey_AfterConfirming_ListsItAsRevoked_AndOffersNoRevokeAnymore()
    {
        await using var host = await AdminPageHost.CreateAsync("root", WarRoomRole.Admin);
        await host.Service.CreateApiKeyAsync(new CreateApiKeyRequest("ci-deploy", ["Operator"], AdminPageHost.T0.AddDays(30)), AdminPageHost.Root);
        var dialogs = host.RenderDialogs();
        var page = host.Context.Render<AdminPage>();

        page.Find("[data-testid=admin-revoke-key-ci-deploy]").Click();
        Assert.Contains("refused from now on", dialogs.Find("[data-testid=confirm-access-message]").TextContent, StringComparison.Ordinal);
        await dialogs.Find("[data-testid=confirm-access]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Revoked", page.Find("[data-testid=key-row]").GetAttribute("data-state")));
        Assert.Empty(page.FindAll("[data-testid=admin-revoke-key-ci-deploy]"));
        Assert.Single(await host.AuditedAsync("apiKey.revoked"), e => e.Actor == "root");
    }

    [Fact]
    public async Task NewKioskLink_ShowsTheFullUrl_AndRevokeEndsIt()
    {
        await using var host = await AdminPageHost.CreateAsync("root", WarRoomRole.Admin);
        var dialogs = host.RenderDialogs();
        var page = host.Context.Render<AdminPage>();

        page.Find("[data-testid=admin-new-kiosk]").Click();
        Field(dialogs, "kiosk-name-input").Input("tv-ops");
        await dialogs.Find("[data-testid=confirm-kiosk]").ClickAsync(new());

        var url = dialogs.WaitForElement("[data-testid=admin-kiosk-url]").TextContent;
        Assert.StartsWith("http://localhost/kiosk/", url, StringComparison.Ordinal);
        dialogs.Find("[data-testid=close-copy-value]").Click();
        page.Find("[data-testid=admin-revoke-kiosk-tv-ops]").Click();
        await dialogs.Find("[data-testid=confirm-access]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Revoked", page.Find("[data-testid=kiosk-row]").GetAttribute("data-state")));
        Assert.Empty(page.FindAll("[data-testid=admin-revoke-kiosk-tv-ops]"));
    }

    [Fact]
    public async Task NonAdmin_SeesOnlyTheRefusal_AndTheRefusalIsAudited()
    {
        await using var host = await AdminPageHost.CreateAsync("olga", WarRoomRole.Operator, WarRoomRole.EngineeringLead);
        host.RenderDialogs();

        var page = host.Context.Render<AdminPage>();

        Assert.Equal("Only admins manage people and access.", page.Find("[data-testid=admin-refused]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=admin-people], [data-testid=admin-new-person], [data-testid=admin-new-key], [data-testid=admin-new-kiosk]"));
        Assert.DoesNotContain("Root Admin", page.Markup, StringComparison.Ordinal);
        Assert.Single(await host.AuditedAsync("access.refused"), e => e.Actor == "olga");
    }

    [Theory]
    [InlineData(WarRoomRole.Admin, 1)]
    [InlineData(WarRoomRole.Operator, 0)]
    public async Task AdminNavLink_IsShownToAdminsOnly(WarRoomRole role, int links)
    {
        await using var host = await AdminPageHost.CreateAsync("someone", role);

        var nav = host.Context.Render<AdminNavLink>();

        Assert.Equal(links, nav.FindAll("[data-testid=nav-admin]").Count);
    }
}
