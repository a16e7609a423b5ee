using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Access.Admin;
using Dashboard.Web.Features.Access.Admin.Pages;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Web.Tests.Access.Admin;

/// <summary>
/// Each admin form checks what is typed as it is typed: the problem is written in words beside its field, the field is
/// marked as in error, Submit stays disabled, and nothing is stored (docs/access.md, "Admin page").
/// </summary>
public sealed partial class AdminFormTests
{
    private static IElement Input(IRenderedComponent<MudDialogProvider> dialogs, string testId)
    {
        var marked = dialogs.Find($"[data-testid={testId}]");
        return marked.LocalName is "input" or "textarea" ? marked : marked.QuerySelector("input, textarea")!;
    }

    /// <summary>The error text shown under the field, or null when the field is not marked as in error.</summary>
    private static string? ErrorBeside(IRenderedComponent<MudDialogProvider> dialogs, string testId)
    {
        var control = Input(dialogs, testId).Closest(".mud-input-control")!;
        var marked = control.ClassList.Contains("mud-input-error");
        var text = control.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();
        Assert.Equal(marked, text is { Length: > 0 });
        return text;
    }

    private static bool Disabled(IRenderedComponent<MudDialogProvider> dialogs, string testId) =>
        dialogs.Find($"[data-testid={testId}]").HasAttribute("disabled");

    /// <summary>No form speaks in the API's field names.</summary>
    private static void AssertNoFieldKeys(IRenderedComponent<MudDialogProvider> dialogs) =>
        Assert.DoesNotMatch(FieldKeys(), dialogs.Markup.Replace("data-testid", string.Empty, StringComparison.Ordinal));

    [GeneratedRegex(@">[^<]*\b(userName|displayName|expiresAt)\b")]
    private static partial Regex FieldKeys();

    [Fact]
    public async Task NewPerson_ShortUserNameAndPassword_AreRefusedBesideTheirFields_AndCreateIsDisabled()
    {
        await using var host = await AdminPageHost.CreateAsync("root", WarRoomRole.Admin);
        var dialogs = host.RenderDialogs();
        host.Context.Render<AdminPage>().Find("[data-testid=admin-new-person]").Click();

        Input(dialogs, "user-name-input").Input("x");
        Input(dialogs, "display-name-input").Input("Bob");
        Input(dialogs, "password-input").Input("short");

        Assert.Equal("User name must be 2..100 characters", ErrorBeside(dialogs, "user-name-input"));
        Assert.Null(ErrorBeside(dialogs, "display-name-input"));
        Assert.Equal("Password must be at least 12 characters", ErrorBeside(dialogs, "password-input"));
        Assert.True(Disabled(dialogs, "confirm-person"));
        AssertNoFieldKeys(dialogs);

        Input(dialogs, "display-name-input").Input("   ");
        Assert.Equal("Display name must be 1..100 characters", ErrorBeside(dialogs, "display-name-input"));

        Input(dialogs, "user-name-input").Input("bob");
        Input(dialogs, "display-name-input").Input("Bob");
        Input(dialogs, "password-input").Input("correct horse battery");
        Assert.Null(ErrorBeside(dialogs, "password-input"));
        Assert.False(Disabled(dialogs, "confirm-person"));
        Assert.Single((await host.Service.ListPeopleAsync(AdminPageHost.Root)).Value!);
    }

    [Fact]
    public async Task NewPerson_ServerRefusesAField_ShowsItBesideTheField_UntilItIsEdited()
    {
        await using var host = await AdminPageHost.CreateAsync("root", WarRoomRole.Admin);
        var dialogs = host.RenderDialogs();
        host.Context.Render<AdminPage>().Find("[data-testid=admin-new-person]").Click();
        Input(dialogs, "user-name-input").Input("bob");
        Input(dialogs, "display-name-input").Input("Bob");
        Input(dialogs, "password-input").Input("correct horse battery");
        // Someone else takes the name between typing and Create: the server's answer is a conflict, said in the dialog.
        await host.Service.CreatePersonAsync(new CreatePersonRequest("bob", "Other Bob", "correct horse battery", []), AdminPageHost.Root);

        await dialogs.Find("[data-testid=confirm-person]").ClickAsync(new());

        Assert.Contains("exists already", dialogs.Find("[data-testid=dialog-error]").TextContent, StringComparison.Ordinal);
        Assert.Equal(2, (await host.Service.ListPeopleAsync(AdminPageHost.Root)).Value!.Count);
    }

    [Fact]
    public async Task ResetPassword_TooShort_IsRefusedBesideTheField_AndResetIsDisabled()
    {
        await using var host = await AdminPageHost.CreateAsync("root", WarRoomRole.Admin);
        var dialogs = host.RenderDialogs();
        var page = host.Context.Render<AdminPage>();

        page.Find("[data-testid=person-row-root] [data-testid=reset-password]").Click();
        Assert.True(Disabled(dialogs, "confirm-password"));
        Input(dialogs, "new-password-input").Input("short");

        Assert.Equal("Password must be at least 12 characters", ErrorBeside(dialogs, "new-password-input"));
        Assert.True(Disabled(dialogs, "confirm-password"));
        Input(dialogs, "new-password-input").Input("a long enough phrase");
        Assert.Null(ErrorBeside(dialogs, "new-password-input"));
        Assert.False(Disabled(dialogs, "confirm-password"));
        Assert.Empty(await host.AuditedAsync("person.passwordReset"));
    }

    [Fact]
    public async Task EditRoles_AnySetOfBoxes_CanBeSaved()
    {
        await using var host = await AdminPageHost.CreateAsync("root", WarRoomRole.Admin);
        var alice = (await host.Service.CreatePersonAsync(new CreatePersonRequest("alice", "Alice", "correct horse battery", ["Operator"]), AdminPageHost.Root)).Value!;
        var dialogs = host.RenderDialogs();
        var page = host.Context.Render<AdminPage>();

        page.Find("[data-testid=person-row-alice] [data-testid=edit-roles]").Click();
        Input(dialogs, $"role-{WarRoomRole.Operator}").Change(false);
        Assert.False(Disabled(dialogs, "confirm-roles"));
        Assert.Empty(dialogs.FindAll("[data-testid=roles-error]"));
        await dialogs.Find("[data-testid=confirm-roles]").ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=edit-roles-dialog]")));
        Assert.Empty((await host.Service.GetPersonAsync(alice.Id, AdminPageHost.Root)).Value!.Roles);
    }

    [Theory]
    [InlineData("2026-11-22", "Expiry must be in the future")]
    [InlineData("2026-11-23", "Expiry must be in the future")]
    [InlineData("2026-13-45", "Expiry must be a date written yyyy-MM-dd, e.g. 2027-03-01")]
    [InlineData("tomorrow", "Expiry must be a date written yyyy-MM-dd, e.g. 2027-03-01")]
    [InlineData("2030-01-01", "Expiry must be at most 366 days from now")]
    public async Task NewKey_ExpiryTypedBadly_IsRefusedBesideTheField_NeverMovedToAnAllowedDay(string typed, string problem)
    {
        await using var host = await AdminPageHost.CreateAsync("root", WarRoomRole.Admin);
        var dialogs = host.RenderDialogs();
        host.Context.Render<AdminPage>().Find("[data-testid=admin-new-key]").Click();
        Input(dialogs, "key-name-input").Input("ci-deploy");
        Assert.Equal("2027-02-21", Input(dialogs, "key-expiry-input").GetAttribute("value"));
        Assert.False(Disabled(dialogs, "confirm-key"));

        Input(dialogs, "key-expiry-input").Input(typed);

        Assert.Equal(problem, ErrorBeside(dialogs, "key-expiry-input"));
        Assert.Equal(typed, Input(dialogs, "key-expiry-input").GetAttribute("value"));
        Assert.True(Disabled(dialogs, "confirm-key"));
        AssertNoFieldKeys(dialogs);
        Assert.Empty((await host.Service.ListApiKeysAsync(AdminPageHost.Root)).Value!);
    }

    [Fact]
    public async Task NewKey_ExpiryTyped_IsStoredAsThatDay()
    {
        await using var host = await AdminPageHost.CreateAsync("root", WarRoomRole.Admin);
        var dialogs = host.RenderDialogs();
        host.Context.Render<AdminPage>().Find("[data-testid=admin-new-key]").Click();
        Input(dialogs, "key-name-input").Input("ci-deploy");
        Input(dialogs, "key-name-input").Input("  ");
        Assert.Equal("Name is required", ErrorBeside(dialogs, "key-name-input"));
        Assert.True(Disabled(dialogs, "confirm-key"));

        Input(dialogs, "key-name-input").Input("ci-deploy");
        Input(dialogs, "key-expiry-input").Input(" 2026-12-01 ");
        await dialogs.Find("[data-testid=confirm-key]").ClickAsync(new());

        dialogs.WaitForElement("[data-testid=admin-key-token]");
        var key = Assert.Single((await host.Service.ListApiKeysAsync(AdminPageHost.Root)).Value!);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), key.ExpiresAt);
    }

    [Fact]
    public async Task NewKioskLink_PastExpiryOrNoName_IsRefusedBesideTheField_AndCreateIsDisabled()
    {
        await using var host = await AdminPageHost.CreateAsync("root", WarRoomRole.Admin);
        var dialogs = host.RenderDialogs();
        host.Context.Render<AdminPage>().Find("[data-testid=admin-new-kiosk]").Click();

        Input(dialogs, "kiosk-name-input").Input("");
        Input(dialogs, "kiosk-expiry-input").Input("2026-11-01");

        Assert.Equal("Name is required", ErrorBeside(dialogs, "kiosk-name-input"));
        Assert.Equal("Expiry must be in the future (or left empty: the link lasts until revoked)", ErrorBeside(dialogs, "kiosk-expiry-input"));
        Assert.True(Disabled(dialogs, "confirm-kiosk"));
        AssertNoFieldKeys(dialogs);

        Input(dialogs, "kiosk-name-input").Input("tv-ops");
        Input(dialogs, "kiosk-expiry-input").Input("");
        Assert.Null(ErrorBeside(dialogs, "kiosk-expiry-input"));
        Assert.False(Disabled(dialogs, "confirm-kiosk"));
        Assert.Empty((await host.Service.ListKioskLinksAsync(AdminPageHost.Root)).Value!);
    }

    [Fact]
    public async Task NewKioskLink_ShowsTheShortLinkBesideTheLongOne_AndItSignsInToThatLink()
    {
        await using var host = await AdminPageHost.CreateAsync("root", WarRoomRole.Admin);
        var dialogs = host.RenderDialogs();
        host.Context.Render<AdminPage>().Find("[data-testid=admin-new-kiosk]").Click();
        Input(dialogs, "kiosk-name-input").Input("tv-ops");
        Input(dialogs, "kiosk-expiry-input").Input("2026-12-24");
        await dialogs.Find("[data-testid=confirm-kiosk]").ClickAsync(new());

        var shortUrl = dialogs.WaitForElement("[data-testid=admin-kiosk-short-url]").TextContent;
        Assert.StartsWith("http://localhost/kiosk/", dialogs.Find("[data-testid=admin-kiosk-url]").TextContent, StringComparison.Ordinal);
        Assert.Matches("^http://localhost/k/[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", shortUrl);
        var tokens = host.Context.Services.GetRequiredService<KioskTokens>();
        var (link, problem) = await tokens.ReadShortCodeAsync(shortUrl[(shortUrl.LastIndexOf('/') + 1)..].ToLowerInvariant());
        Assert.Null(problem);
        Assert.Equal(("tv-ops", new DateTimeOffset(2026, 12, 24, 0, 0, 0, TimeSpan.Zero)), (link!.Name, link.ExpiresAt!.Value));
    }
}
