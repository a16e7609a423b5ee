using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Access;

/// <summary>
/// Single sign-on end to end: the real app, a real OpenID Connect provider on loopback (code flow, PKCE, RS256
/// ID tokens), every redirect followed by hand as a browser would, and the outcome read from <c>/api/me</c> and
/// the audit log in the state store.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class OpenIdConnectSignInTests(OidcTestApp oidc, InfluxServerFixture influx) : IClassFixture<OidcTestApp>
{
    [Fact]
    public async Task SignIn_ThroughTheProvider_CreatesThePersonWithTheClaimedRoles_AndReturnsToThePage()
    {
        var (client, landing) = await oidc.SignInAsync(new OidcTestUser("sub-lena", "lena", "Lena Lead", ["EngineeringLead", "Operator"]), "/rollouts");
        using var _ = client;

        Assert.Equal("/rollouts", landing);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal("lena", me.GetProperty("name").GetString());
        Assert.Equal("Lena Lead", me.GetProperty("displayName").GetString());
        Assert.Equal("Person", me.GetProperty("kind").GetString());
        Assert.Equal(["Operator", "EngineeringLead"], Roles(me));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/rollouts")).StatusCode);

        var created = Assert.Single(await oidc.State.AuditAsync("person.created"), e => e.Payload.GetProperty("userName").GetString() == "lena");
        Assert.Equal("openid connect", created.Actor);
        Assert.Equal("openIdConnect", created.Payload.GetProperty("signIn").GetString());
        var signedIn = Assert.Single(await oidc.State.AuditAsync("person.signedIn"), e => e.Actor == "lena");
        Assert.Equal("openid connect", signedIn.Payload.GetProperty("method").GetString());
        Assert.Equal($"{oidc.Provider.Issuer}|sub-lena", await oidc.State.ScalarAsync("SELECT ExternalId FROM People WHERE UserName = 'lena'"));
    }

    [Fact]
    public async Task SignIn_AsksForTheCodeFlowWithPkce_AnsweredByQuery_ToTheRegisteredRedirectUri()
    {
        var (client, _) = await oidc.SignInAsync(new OidcTestUser("sub-pat", "pat", "Pat", []));
        client.Dispose();

        var asked = oidc.Provider.LastAuthorizeRequest!;
        Assert.Equal("code", asked["response_type"]);
        // The handler leaves response_mode out when it is the code flow's default, query.
        Assert.Equal("query", asked.GetValueOrDefault("response_mode", "query"));
        Assert.Equal("S256", asked["code_challenge_method"]);
        Assert.Equal(["email", "openid", "profile"], asked["scope"].Split(' ').Order(StringComparer.Ordinal));
        Assert.Equal(new Uri(oidc.Url, "/signin-oidc").AbsoluteUri, asked["redirect_uri"]);
        Assert.False(string.IsNullOrEmpty(asked["nonce"]));
    }

    [Fact]
    public async Task SignInAgain_WithOtherRolesAtTheProvider_SyncsThem_AuditsIt_AndEndsTheOlderSession()
    {
        var (first, _) = await oidc.SignInAsync(new OidcTestUser("sub-ravi", "ravi", "Ravi", ["Operator"]));
        using var _1 = first;
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/me")).StatusCode);

        var (second, landing) = await oidc.SignInAsync(new OidcTestUser("sub-ravi", "ravi", "Ravi", ["FinanceLead"]));
        using var _2 = second;

        Assert.Equal("/", landing);
        Assert.Equal(["FinanceLead"], Roles(await second.GetFromJsonAsync<JsonElement>("/api/me")));
        var changed = Assert.Single(await oidc.State.AuditAsync("person.rolesChanged"), e => e.Payload.GetProperty("after").GetString() == "FinanceLead");
        Assert.Equal("openid connect", changed.Actor);
        Assert.Equal("Operator", changed.Payload.GetProperty("before").GetString());
        Assert.Equal("identity provider", changed.Payload.GetProperty("by").GetString());
        Assert.Single(await oidc.State.AuditAsync("person.created"), e => e.Payload.GetProperty("userName").GetString() == "ravi");
        Assert.Equal(2, (await oidc.State.AuditAsync("person.signedIn")).Count(e => e.Actor == "ravi"));

        // The roles changed, so the session issued with the old ones is over.
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task SignInAgain_AfterTheProviderTookEveryRoleAway_LeavesAViewer()
    {
        var (first, _) = await oidc.SignInAsync(new OidcTestUser("sub-gil", "gil", "Gil", ["Operator", "ProductLead"]));
        first.Dispose();

        var (second, _) = await oidc.SignInAsync(new OidcTestUser("sub-gil", "gil", "Gil", []));
        using var _2 = second;

        Assert.Empty(Roles(await second.GetFromJsonAsync<JsonElement>("/api/me")));
        Assert.Contains(await oidc.State.AuditAsync("person.rolesChanged"), e => e.Payload.GetProperty("before").GetString() == "Operator,ProductLead" && e.Payload.GetProperty("after").GetString() == string.Empty);
    }

    [Fact]
    public async Task SignInAgain_WhenTheProviderSendsNoRolesClaim_KeepsTheRolesTheWarRoomHas()
    {
        var (first, _) = await oidc.SignInAsync(new OidcTestUser("sub-noor", "noor", "Noor", ["OperationsLead"]));
        first.Dispose();

        var (second, _) = await oidc.SignInAsync(new OidcTestUser("sub-noor", "noor", "Noor", Roles: null));
        using var _2 = second;

        Assert.Equal(["OperationsLead"], Roles(await second.GetFromJsonAsync<JsonElement>("/api/me")));
        Assert.DoesNotContain(await oidc.State.AuditAsync("person.rolesChanged"), e => e.Payload.GetProperty("before").GetString() == "OperationsLead");
    }

    [Fact]
    public async Task SignIn_WithoutPreferredUserName_UsesTheEmailAsUserName()
    {
        var (client, _) = await oidc.SignInAsync(new OidcTestUser("sub-mo", null, "Mo Reyes", ["Operator"], "mo@example.com"));
        using var _ = client;

        Assert.Equal("mo@example.com", (await client.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("sub-nameless", null)]
    [InlineData("sub-spaces", "not a user name")]
    public async Task SignIn_WithoutAUsableUserName_IsRefused_Audited_AndCreatesNobody(string subject, string? userName)
    {
        var (client, landing) = await oidc.SignInAsync(new OidcTestUser(subject, userName, "Nobody Known", ["Admin"]));
        using var _ = client;

        Assert.StartsWith("/sign-in?error=", landing, StringComparison.Ordinal);
        Assert.Contains("no usable 'preferred_username' claim", await WarRoomSignIn.SignInErrorAsync(oidc.Url, landing), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        var refusal = Assert.Single(await oidc.State.AuditAsync("access.refused"), e => e.Payload.GetProperty("reason").GetString()!.Contains($"|{subject}", StringComparison.Ordinal));
        Assert.Equal("SignIn (openid connect)", refusal.Payload.GetProperty("operation").GetString());
        Assert.Equal(0L, await oidc.State.ScalarAsync($"SELECT COUNT(*) FROM People WHERE ExternalId LIKE '%|{subject}'"));
    }

    [Fact]
    public async Task SignIn_WithTheUserNameOfAPasswordPerson_IsRefused_NotMergedIntoThem()
    {
        var (client, landing) = await oidc.SignInAsync(new OidcTestUser("sub-impostor", TestPeople.Admin, "Not The Admin", []));
        using var _ = client;

        Assert.StartsWith("/sign-in?error=", landing, StringComparison.Ordinal);
        Assert.Contains($"'{TestPeople.Admin}' already belongs to another war-room person", await WarRoomSignIn.SignInErrorAsync(oidc.Url, landing), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        Assert.Contains(await oidc.State.AuditAsync("access.refused"), e => e.Payload.GetProperty("reason").GetString()!.Contains("|sub-impostor", StringComparison.Ordinal));
        Assert.Equal(DBNull.Value, await oidc.State.ScalarAsync($"SELECT ExternalId FROM People WHERE UserName = '{TestPeople.Admin}'"));
    }

    [Fact]
    public async Task SignIn_OfADisabledPerson_IsRefused()
    {
        var (first, _) = await oidc.SignInAsync(new OidcTestUser("sub-dana", "dana", "Dana", ["Operator"]));
        first.Dispose();
        Assert.Equal(1, await oidc.State.ExecuteAsync("UPDATE People SET Disabled = 1 WHERE UserName = $name", ("$name", "dana")));

        var (client, landing) = await oidc.SignInAsync(new OidcTestUser("sub-dana", "dana", "Dana", ["Operator"]));
        using var _ = client;

        Assert.Contains("disabled", await WarRoomSignIn.SignInErrorAsync(oidc.Url, landing), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task SignIn_CancelledAtTheProvider_LandsOnTheSignInPageWithTheReason()
    {
        var (client, landing) = await oidc.SignInAsync(user: null);
        using var _ = client;

        Assert.StartsWith("/sign-in?error=", landing, StringComparison.Ordinal);
        Assert.Contains("access_denied", await WarRoomSignIn.SignInErrorAsync(oidc.Url, landing), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task SignIn_WithAnOffSiteReturnUrl_ReturnsToTheHomePage()
    {
        var (client, landing) = await oidc.SignInAsync(new OidcTestUser("sub-olli", "olli", "Olli", []), "https://evil.example/steal");
        client.Dispose();

        Assert.Equal("/", landing);
    }

    [Fact]
    public async Task SessionCookie_AfterSingleSignOn_IsHttpOnlyAndSameSiteLax()
    {
        oidc.Provider.NextUser = new OidcTestUser("sub-cora", "cora", "Cora", []);
        using var client = WarRoomSignIn.NewClient(oidc.Url);
        var authorize = (await client.GetAsync("/account/sign-in/oidc")).Headers.Location!;
        var callback = (await client.GetAsync(authorize)).Headers.Location!;

        var signedIn = await client.GetAsync(callback);

        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("warroom.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignInPage_ShowsTheSingleSignOnButton_WhenEnabled()
    {
        using var anonymous = WarRoomSignIn.NewClient(oidc.Url);

        var page = await anonymous.GetStringAsync("/sign-in?returnUrl=%2Fwarroom");

        Assert.Contains("data-testid=\"sign-in-oidc\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/sign-in/oidc?returnUrl=%2Fwarroom\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInPage_HasNoSingleSignOnButton_AndTheStartAnswersNotFound_WhenDisabled()
    {
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Influx__Url"] = influx.Url.ToString(),
            ["Demo__Enabled"] = "false",
        });
        using var anonymous = WarRoomSignIn.NewClient(app.Url);

        var page = await anonymous.GetStringAsync("/sign-in");

        Assert.Contains("data-testid=\"sign-in-form\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("sign-in-oidc", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/account/sign-in/oidc")).StatusCode);
    }

    private static string[] Roles(JsonElement me) => [.. me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!)];
}
