using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Dashboard.Web.Features.Access;

namespace Dashboard.Integration.Tests.Access;

/// <summary>
/// Every authorization rule through the real HTTP pipeline of the real app: who may call what, what a
/// refusal answers, and that each refusal is in the audit log. The rules themselves: docs/access.md.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class AuthorizationRuleTests(AccessTestApp access) : IClassFixture<AccessTestApp>
{
    private static readonly string[] AdminOnly = ["Admin"];
    private static readonly string[] OperatorOnly = ["Operator"];

    [Fact]
    public async Task Anonymous_CanReachOnlySignInAndHealth()
    {
        using var anonymous = WarRoomSignIn.NewClient(access.Url);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/rollouts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/rollouts/{Guid.NewGuid()}/traffic", new { percent = 50, reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hubs/live/negotiate")).StatusCode);
        var page = await anonymous.GetAsync("/rollouts");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/sign-in", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/sign-in")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/css/app.css")).StatusCode);
    }

    [Fact]
    public async Task Viewer_CannotChangeTrafficThroughTheApi_AndTheRefusalIsAudited()
    {
        var rollout = await access.StartedRolloutAsync();
        using var viewer = await access.PersonAsync("vera");

        var response = await viewer.PostAsJsonAsync($"/api/rollouts/{rollout}/traffic", new { percent = 50, reason = "let me" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("vera may not change traffic", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var state = await access.App.GetAsync($"/api/rollouts/{rollout}");
        Assert.Equal(1, state.GetProperty("requestedWeightPercent").GetInt32());
        var refusal = Assert.Single(await access.AuditAsync("access.refused"), e => e.Actor == "vera");
        Assert.Equal("ChangeTraffic", refusal.Payload.GetProperty("operation").GetString());
    }

    [Fact]
    public async Task Viewer_CanReadEverything()
    {
        var rollout = await access.StartedRolloutAsync();
        using var viewer = await access.PersonAsync("wanda");

        foreach (var path in new[] { "/api/rollouts", $"/api/rollouts/{rollout}", $"/api/rollouts/{rollout}/traffic", $"/api/rollouts/{rollout}/events", $"/api/rollouts/{rollout}/incidents", "/api/plans", "/api/guardrails/status", "/api/me" })
        {
            var response = await viewer.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/rollouts")).StatusCode);
    }

    public static TheoryData<string, string, bool> RolloutActions => new()
    {
        // (roles, action, allowed)
        { "", "hold", false },
        { "", "rollback", false },
        { "", "abort", false },
        { "Operator", "hold", true },
        { "Operator", "abort", true },
        { "EngineeringLead", "hold", true },
        { "FinanceLead", "rollback", true },
        { "ProductLead", "abort", false },
        { "OperationsLead", "advance", false },
        { "Admin", "hold", false },
        { "Admin", "rollback", false },
    };

    [Theory]
    [MemberData(nameof(RolloutActions))]
    public async Task RolloutActions_FollowTheRoleTable(string roles, string action, bool allowed)
    {
        var rollout = await access.StartedRolloutAsync();
        var userName = $"p{Guid.NewGuid():N}"[..12];
        using var person = await access.PersonAsync(userName, roles.Length == 0 ? [] : roles.Split(','));

        var response = await person.PostAsJsonAsync($"/api/rollouts/{rollout}/{action}", new { reason = "test" });

        if (allowed)
        {
            Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict, $"{action} as {roles}: {response.StatusCode}");
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains(await access.AuditAsync("access.refused"), e => e.Actor == userName);
        }
    }

    [Fact]
    public async Task TrafficCreationAndPlans_AreForOperators_NotForLeads()
    {
        var rollout = await access.StartedRolloutAsync();
        using var lead = await access.PersonAsync("lena", "EngineeringLead", "OperationsLead", "ProductLead", "FinanceLead");
        using var operatorClient = await access.PersonAsync("otto", "Operator");

        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostAsJsonAsync($"/api/rollouts/{rollout}/traffic", new { percent = 5, reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostAsJsonAsync("/api/rollouts", new { service = "s", baselineVersion = "1", candidateVersion = "2", planId = "three-phase", reason = "r" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostAsync("/api/routing/drift/reconcile", JsonContent.Create(new { reason = "x" }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PostAsJsonAsync($"/api/rollouts/{rollout}/traffic", new { percent = 5, reason = "ramp a little" })).StatusCode);
        var traffic = await access.App.GetAsync($"/api/rollouts/{rollout}/traffic");
        Assert.Equal("otto", traffic.EnumerateArray().Last().GetProperty("requestedBy").GetString());
    }

    [Fact]
    public async Task Incidents_AreOpenToOperatorsAndLeads_NotToViewers()
    {
        var rollout = await access.StartedRolloutAsync();
        using var viewer = await access.PersonAsync("ivy");
        using var lead = await access.PersonAsync("liam", "ProductLead");
        var incident = new { severity = "low", title = "Slow page", description = "p99 up", owner = "liam", dataLoss = false };

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/rollouts/{rollout}/incidents", incident)).StatusCode);
        var opened = await lead.PostAsJsonAsync($"/api/rollouts/{rollout}/incidents", incident);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/incidents/{id}/resolve", new { text = "fixed" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsJsonAsync($"/api/incidents/{id}/resolve", new { text = "fixed" })).StatusCode);
        Assert.Contains(await access.AuditAsync("incident.opened"), e => e.Actor == "liam");
    }

    [Fact]
    public async Task CheckpointDecisionsAndReruns_AreRefusedToViewersBeforeAnythingIsLookedUp()
    {
        var rollout = await access.StartedRolloutAsync();
        using var viewer = await access.PersonAsync("vic");
        using var lead = await access.PersonAsync("lou", "OperationsLead");

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/rollouts/{rollout}/checkpoints/0/900/decision", new { decision = "Continue", notes = "fine", actionItems = Array.Empty<object>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/rollouts/{rollout}/checkpoints/0/900/rerun", new { reason = "again" })).StatusCode);

        // A lead passes the check and meets the real answer: no checkpoint has been evaluated yet.
        Assert.Equal(HttpStatusCode.NotFound, (await lead.PostAsJsonAsync($"/api/rollouts/{rollout}/checkpoints/0/900/decision", new { decision = "Continue", notes = "fine", actionItems = Array.Empty<object>() })).StatusCode);
    }

    [Fact]
    public async Task AdminApi_IsForAdminsOnly()
    {
        using var operatorClient = await access.PersonAsync("olga", "Operator", "EngineeringLead");

        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("/api/admin/people")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsJsonAsync("/api/admin/people", new { userName = "mallory", displayName = "M", password = TestPeople.Password, roles = AdminOnly })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsJsonAsync("/api/admin/api-keys", new { name = "mine", roles = OperatorOnly, expiresAt = DateTimeOffset.UtcNow.AddDays(1) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await access.Admin.GetAsync("/api/admin/people")).StatusCode);
        Assert.Contains(await access.AuditAsync("access.refused"), e => e.Actor == "olga");
    }

    [Fact]
    public async Task ApiKey_ActsWithItsRolesOnly_AndStopsWorkingWhenRevoked()
    {
        var rollout = await access.StartedRolloutAsync();
        var (keyId, token) = await access.CreateApiKeyAsync("ci-pipeline", ["Operator"]);
        using var key = AccessTestApp.WithKey(access.Url, token);

        Assert.Equal(HttpStatusCode.OK, (await key.PostAsJsonAsync($"/api/rollouts/{rollout}/traffic", new { percent = 3, reason = "pipeline step" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await key.GetAsync("/api/admin/people")).StatusCode);
        var me = await key.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal("ApiKey", me.GetProperty("kind").GetString());
        Assert.Contains(await access.AuditAsync("traffic.changeRequested"), e => e.Actor == "api key 'ci-pipeline'");

        Assert.True((await access.Admin.DeleteAsync($"/api/admin/api-keys/{keyId}")).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await key.PostAsJsonAsync($"/api/rollouts/{rollout}/hold", new { reason = "x" })).StatusCode);
        Assert.Contains(await access.AuditAsync("apiKey.refused"), e => e.Payload.GetProperty("reason").GetString() == "revoked");
    }

    [Fact]
    public async Task ApiKey_WithAWrongSecretOrPastItsExpiry_IsRefusedAndAudited()
    {
        var (keyId, token) = await access.CreateApiKeyAsync("nightly", ["Operator"]);
        using var wrong = AccessTestApp.WithKey(access.Url, token[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/rollouts")).StatusCode);
        Assert.Contains(await access.AuditAsync("apiKey.refused"), e => e.Payload.GetProperty("apiKeyId").GetGuid() == keyId && e.Payload.GetProperty("reason").GetString() == "wrong secret");

        await ExpireKeyAsync(keyId);
        using var expired = AccessTestApp.WithKey(access.Url, token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await expired.GetAsync("/api/rollouts")).StatusCode);
        Assert.Contains(await access.AuditAsync("apiKey.refused"), e => e.Payload.GetProperty("apiKeyId").GetGuid() == keyId && e.Payload.GetProperty("reason").GetString() == "expired");

        using var garbage = AccessTestApp.WithKey(access.Url, "not-a-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await garbage.GetAsync("/api/rollouts")).StatusCode);
    }

    [Fact]
    public async Task KioskLink_OpensOnlyTheWarRoom_UntilItIsRevoked()
    {
        var rollout = await access.StartedRolloutAsync();
        var (linkId, path) = await access.CreateKioskLinkAsync("tv-lobby");
        using var screen = WarRoomSignIn.NewClient(access.Url);

        var opened = await screen.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/warroom", opened.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await screen.GetAsync("/warroom")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await screen.PostAsync("/_blazor/negotiate?negotiateVersion=1", null)).StatusCode);

        var page = await screen.GetAsync("/rollouts");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/access-denied", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await screen.GetAsync("/api/rollouts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await screen.GetAsync($"/api/rollouts/{rollout}/summaries")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await screen.PostAsJsonAsync($"/api/rollouts/{rollout}/traffic", new { percent = 50, reason = "x" })).StatusCode);
        Assert.Contains(await access.AuditAsync("access.refused"), e => e.Actor == "kiosk 'tv-lobby'");
        Assert.Contains(await access.AuditAsync("kioskLink.opened"), e => e.Payload.GetProperty("kioskLinkId").GetGuid() == linkId);

        Assert.True((await access.Admin.DeleteAsync($"/api/admin/kiosk-links/{linkId}")).IsSuccessStatusCode);
        var afterRevoke = await screen.GetAsync("/warroom");
        Assert.Equal(HttpStatusCode.Redirect, afterRevoke.StatusCode);
        Assert.StartsWith("/sign-in", afterRevoke.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var again = WarRoomSignIn.NewClient(access.Url);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task KioskLink_ThatWasTamperedWith_IsRefusedAndAudited()
    {
        var (_, path) = await access.CreateKioskLinkAsync("tv-ops");
        using var screen = WarRoomSignIn.NewClient(access.Url);

        var response = await screen.GetAsync(path[..^3] + "xyz");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(await access.AuditAsync("access.refused"), e => e.Actor == "kiosk 'invalid link'");
    }

    [Fact]
    public async Task RepeatedWrongPasswords_LockThePersonOut_AndTheRightPasswordThenGetsTheWrongPasswordAnswer()
    {
        await access.CreatePersonAsync("lockme", "Operator");
        for (var i = 0; i < 3; i++)
        {
            var (client, response) = await WarRoomSignIn.TrySignInAsync(access.Url, "lockme", "wrong password " + i);
            client.Dispose();
            Assert.Contains("/sign-in?error=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var (locked, refused) = await WarRoomSignIn.TrySignInAsync(access.Url, "lockme", TestPeople.Password);
        locked.Dispose();
        Assert.Equal(PasswordSignIn.WrongCredentials, await WarRoomSignIn.SignInErrorAsync(access.Url, refused.Headers.Location!.OriginalString));
        Assert.Equal(3, (await access.AuditAsync("person.signInFailed")).Count(e => e.Actor == "lockme"));
        Assert.Single(await access.AuditAsync("person.lockedOut"), e => e.Actor == "lockme");
        Assert.Contains(await access.AuditAsync("person.signInRefused"), e => e.Actor == "lockme");
    }

    [Fact]
    public async Task SignIns_AreAudited_AndAnUnknownUserGetsTheSameAnswerAsAWrongPassword()
    {
        using var person = await access.PersonAsync("sam", "Operator");
        var (unknownClient, unknown) = await WarRoomSignIn.TrySignInAsync(access.Url, "nobody-here", "whatever-password");
        var (wrongClient, wrong) = await WarRoomSignIn.TrySignInAsync(access.Url, "sam", "whatever-password");
        unknownClient.Dispose();
        wrongClient.Dispose();

        Assert.Contains(await access.AuditAsync("person.signedIn"), e => e.Actor == "sam");
        var failed = await access.AuditAsync("person.signInFailed");
        Assert.Contains(failed, e => e.Actor == PasswordSignIn.UnknownUserActor && e.Payload.GetProperty("typed").GetString()!.StartsWith("typed#", StringComparison.Ordinal));
        Assert.DoesNotContain(failed, e => e.Actor.Contains("nobody-here", StringComparison.Ordinal) || e.Payload.GetRawText().Contains("nobody-here", StringComparison.Ordinal));
        var unknownError = await WarRoomSignIn.SignInErrorAsync(access.Url, unknown.Headers.Location!.OriginalString);
        Assert.Equal("Wrong user name or password.", unknownError);
        Assert.Equal(unknownError, await WarRoomSignIn.SignInErrorAsync(access.Url, wrong.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task SignInForm_WithoutItsAntiforgeryToken_IsRejected()
    {
        using var client = WarRoomSignIn.NewClient(access.Url);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = TestPeople.Admin, ["password"] = TestPeople.Password });

        var response = await client.PostAsync("/account/sign-in", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SessionCookie_IsHttpOnlyAndSameSiteStrict_AndPagesCarryTheSecurityHeaders()
    {
        var (client, response) = await WarRoomSignIn.TrySignInAsync(access.Url, TestPeople.Admin, TestPeople.Password);
        client.Dispose();
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("warroom.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase); // plain http on loopback: the test apps and a laptop demo

        var page = await access.Admin.GetAsync("/rollouts");
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForwardedHeaders_WhenNoProxyIsConfigured_AreIgnored()
    {
        await access.CreatePersonAsync("fwd-ignored");
        using var client = WarRoomSignIn.NewClient(access.Url);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var form = await client.GetAsync("/sign-in");
        var token = WarRoomSignIn.AntiforgeryTokenOf(await form.Content.ReadAsStringAsync())!;
        using var signedIn = await WarRoomSignIn.PostSignInFormAsync(client, token, "fwd-ignored", TestPeople.Password, "/");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.False(form.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain(signedIn.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        var audited = Assert.Single(await access.AuditAsync("person.signedIn"), e => e.Actor == "fwd-ignored");
        Assert.Equal("127.0.0.1", audited.Payload.GetProperty("source").GetString());
    }

    [Fact]
    public async Task DisablingAPerson_EndsTheirSession_AndIsAudited()
    {
        var created = await access.CreatePersonAsync("dora", "Operator");
        using var dora = await WarRoomSignIn.SignInAsync(access.Url, "dora", TestPeople.Password);
        Assert.Equal(HttpStatusCode.OK, (await dora.GetAsync("/api/rollouts")).StatusCode);

        var disabled = await access.Admin.PostAsync($"/api/admin/people/{created.GetProperty("id").GetGuid()}/disable", null);

        Assert.True(disabled.IsSuccessStatusCode, $"disable: {disabled.StatusCode}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await dora.GetAsync("/api/rollouts")).StatusCode);
        Assert.Contains(await access.AuditAsync("person.disabled"), e => e.Actor == TestPeople.Admin);
    }

    [Fact]
    public async Task TakingARoleAway_TakesEffectAtTheNextRequest()
    {
        var rollout = await access.StartedRolloutAsync();
        var created = await access.CreatePersonAsync("rita", "Operator");
        using var rita = await WarRoomSignIn.SignInAsync(access.Url, "rita", TestPeople.Password);

        var changed = await access.Admin.PutAsJsonAsync($"/api/admin/people/{created.GetProperty("id").GetGuid()}/roles", new { roles = Array.Empty<string>() });

        Assert.True(changed.IsSuccessStatusCode, $"roles: {changed.StatusCode}");
        var response = await rita.PostAsJsonAsync($"/api/rollouts/{rollout}/traffic", new { percent = 7, reason = "x" });
        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{response.StatusCode}");
        Assert.Equal(1, (await access.App.GetAsync($"/api/rollouts/{rollout}")).GetProperty("requestedWeightPercent").GetInt32());
    }

    [Fact]
    public async Task SignOffs_AreForTheLeadOfThatRole_ChecklistTicksForOperatorsAndLeads_AndAFullGateAdvancesThePhase()
    {
        var rollout = await access.StartedRolloutAsync();
        var gatePath = $"/api/rollouts/{rollout}/phases/0";
        using var engineering = await access.PersonAsync("eng-lead", "EngineeringLead");
        using var operations = await access.PersonAsync("ops-lead", "OperationsLead");
        using var viewer = await access.PersonAsync("gate-viewer");
        using var operatorClient = await access.PersonAsync("gate-operator", "Operator");

        var gate = await access.App.GetAsync($"{gatePath}/gate");
        Assert.Equal(["EngineeringLead", "OperationsLead"], gate.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("role").GetString()));
        var items = gate.GetProperty("checklist").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();

        var wrongRole = await engineering.PostAsJsonAsync($"{gatePath}/sign-offs", new { role = "OperationsLead", decision = "GO", comment = "on their behalf" });
        Assert.Equal(HttpStatusCode.Forbidden, wrongRole.StatusCode);
        Assert.Contains(await access.AuditAsync("access.refused"), e => e.Actor == "eng-lead" && e.Payload.GetProperty("operation").GetString() == "SignOff:OperationsLead");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"{gatePath}/sign-offs", new { role = "EngineeringLead", decision = "GO", comment = "me too" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsJsonAsync($"{gatePath}/checklist/{items[0]}", new { ticked = true })).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await engineering.PostAsJsonAsync($"{gatePath}/sign-offs", new { role = "EngineeringLead", decision = "GO", comment = "error rate flat" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await operations.PostAsJsonAsync($"{gatePath}/sign-offs", new { role = "OperationsLead", decision = "GO", comment = "on-call ready" })).StatusCode);
        for (var i = 0; i < items.Count; i++)
        {
            var ticker = i % 2 == 0 ? operatorClient : engineering;
            Assert.Equal(HttpStatusCode.OK, (await ticker.PutAsJsonAsync($"{gatePath}/checklist/{items[i]}", new { ticked = true })).StatusCode);
        }

        // Every GO and a complete checklist: the gate opens as soon as the phase asks for sign-off.
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PostAsJsonAsync($"/api/rollouts/{rollout}/request-sign-off", new { reason = "canary window done" })).StatusCode);
        var advanced = await WaitForAsync(async () => (await access.App.GetAsync($"/api/rollouts/{rollout}")).GetProperty("currentPhaseIndex").GetInt32() == 1);
        Assert.True(advanced, "the phase did not advance after the gate opened");
        Assert.Equal(2, (await access.AuditAsync("signOff.recorded")).Count(e => e.Actor is "eng-lead" or "ops-lead"));
        Assert.Contains(await access.AuditAsync("checklist.itemTicked"), e => e.Actor == "gate-operator");
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    [Fact]
    public async Task SignInPage_ShowsOnlyMessagesTheAppWrote_NotTextFromACraftedLink()
    {
        var shown = await WarRoomSignIn.SignInErrorAsync(access.Url, "/sign-in?error=" + Uri.EscapeDataString("Your account is compromised: call +1 555 0100"));

        Assert.Null(shown);
    }

    private async Task ExpireKeyAsync(Guid keyId)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={access.StateDatabase};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE ApiKeys SET ExpiresAt = $past WHERE Id = $id";
        command.Parameters.AddWithValue("$past", "2020-01-01T00:00:00.0000000Z");
        command.Parameters.AddWithValue("$id", keyId.ToString().ToUpperInvariant());
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
