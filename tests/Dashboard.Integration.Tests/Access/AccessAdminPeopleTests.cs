using Dashboard.Infrastructure.Persistence.Access;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Access.Admin;
using Dashboard.Web.Shared;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Integration.Tests.Access;

/// <summary>People through <see cref="AccessAdminService"/> on a real SQLite store: what is stored, what is audited, what is refused.</summary>
public sealed class AccessAdminPeopleTests : IAsyncLifetime
{
    private AccessAdminHost _host = null!;

    public async Task InitializeAsync() => _host = await AccessAdminHost.CreateAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CreatePerson_StoresAHashedPasswordAndTheRoles_AndAuditsPersonCreatedByTheAdmin()
    {
        var outcome = await _host.Service.CreatePersonAsync(
            new CreatePersonRequest(" Alice ", "Alice Liddell", "correct horse battery", ["operator", "EngineeringLead", "Viewer"]), AccessAdminHost.Root);

        Assert.Equal(OutcomeKind.Created, outcome.Kind);
        var view = outcome.Value!;
        Assert.Equal(("Alice", "Alice Liddell"), (view.UserName, view.DisplayName));
        Assert.Equal(["Operator", "EngineeringLead"], view.Roles);
        Assert.Equal(["password"], view.SignInMethods);
        var stored = await _host.People.FindByUserNameAsync("alice");
        Assert.NotNull(stored);
        Assert.Equal("Operator,EngineeringLead", stored.Roles);
        Assert.NotEqual("correct horse battery", stored.PasswordHash);
        Assert.Equal(PasswordVerificationResult.Success, _host.Hasher.VerifyHashedPassword(stored, stored.PasswordHash!, "correct horse battery"));
        var audited = Assert.Single(await _host.AuditedAsync("person.created"), e => e.Actor == "root");
        Assert.Equal("Alice", AccessAdminHost.Payload(audited).GetProperty("userName").GetString());
        Assert.DoesNotContain("correct horse", audited.PayloadJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatePerson_UserNameTakenInAnotherCase_IsAConflict()
    {
        await _host.CreatePersonAsync("alice");

        var outcome = await _host.Service.CreatePersonAsync(new CreatePersonRequest("ALICE", "Other Alice", "correct horse battery", []), AccessAdminHost.Root);

        Assert.Equal(OutcomeKind.Conflict, outcome.Kind);
        Assert.Contains("'ALICE' exists already", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(2, (await _host.People.ListAsync()).Count);
    }

    [Fact]
    public async Task CreatePerson_EveryBadField_IsReportedAtOnce_AndNothingIsStored()
    {
        var outcome = await _host.Service.CreatePersonAsync(new CreatePersonRequest("a b", " ", "short", ["Operator", "Pilot"]), AccessAdminHost.Root);

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal(["displayName", "password", "roles", "userName"], outcome.Problems.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("at least 12 characters", Assert.Single(outcome.Problems["password"]), StringComparison.Ordinal);
        Assert.Contains("'Pilot' is not a role", Assert.Single(outcome.Problems["roles"]), StringComparison.Ordinal);
        Assert.Single(await _host.People.ListAsync());
        Assert.Single(await _host.AuditedAsync("person.created"));
    }

    [Fact]
    public async Task SetRoles_StoresTheRoles_AuditsBeforeAndAfter_AndEndsThePersonsSessions()
    {
        var alice = await _host.CreatePersonAsync("alice", WarRoomRole.Operator);
        var stampBefore = (await _host.People.FindAsync(alice.Id))!.SecurityStamp;

        var outcome = await _host.Service.SetRolesAsync(alice.Id, new SetRolesRequest(["FinanceLead", "Admin"]), AccessAdminHost.Root);

        Assert.Equal(OutcomeKind.Succeeded, outcome.Kind);
        Assert.Equal(["FinanceLead", "Admin"], outcome.Value!.Roles);
        var stored = (await _host.People.FindAsync(alice.Id))!;
        Assert.Equal("FinanceLead,Admin", stored.Roles);
        Assert.NotEqual(stampBefore, stored.SecurityStamp);
        var payload = AccessAdminHost.Payload(Assert.Single(await _host.AuditedAsync("person.rolesChanged")));
        Assert.Equal(["Operator"], payload.GetProperty("before").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["FinanceLead", "Admin"], payload.GetProperty("after").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task SetRoles_SameRolesAgain_ChangesAndAuditsNothing()
    {
        var alice = await _host.CreatePersonAsync("alice", WarRoomRole.Operator);

        var outcome = await _host.Service.SetRolesAsync(alice.Id, new SetRolesRequest(["operator", "viewer"]), AccessAdminHost.Root);

        Assert.Equal(OutcomeKind.Succeeded, outcome.Kind);
        Assert.Empty(await _host.AuditedAsync("person.rolesChanged"));
    }

    [Fact]
    public async Task SetRoles_WithoutARoleList_OrForNobody_IsRefusedWithTheReason()
    {
        var alice = await _host.CreatePersonAsync("alice");

        var missing = await _host.Service.SetRolesAsync(alice.Id, new SetRolesRequest(null), AccessAdminHost.Root);
        var nobody = await _host.Service.SetRolesAsync(Guid.NewGuid(), new SetRolesRequest(["Operator"]), AccessAdminHost.Root);

        Assert.Equal(OutcomeKind.Invalid, missing.Kind);
        Assert.Contains("Roles are required", Assert.Single(missing.Problems["roles"]), StringComparison.Ordinal);
        Assert.Equal(OutcomeKind.NotFound, nobody.Kind);
    }

    [Fact]
    public async Task DisableThenEnable_StoresEachState_AndAuditsPersonDisabledThenPersonEnabled()
    {
        var alice = await _host.CreatePersonAsync("alice", WarRoomRole.Operator);

        var disabled = await _host.Service.SetDisabledAsync(alice.Id, disabled: true, AccessAdminHost.Root);
        var storedDisabled = (await _host.People.FindAsync(alice.Id))!.Disabled;
        var enabled = await _host.Service.SetDisabledAsync(alice.Id, disabled: false, AccessAdminHost.Root);

        Assert.True(disabled.Value!.Disabled);
        Assert.True(storedDisabled);
        Assert.False(enabled.Value!.Disabled);
        Assert.False((await _host.People.FindAsync(alice.Id))!.Disabled);
        Assert.Equal("alice", AccessAdminHost.Payload(Assert.Single(await _host.AuditedAsync("person.disabled"))).GetProperty("userName").GetString());
        Assert.Single(await _host.AuditedAsync("person.enabled"));
    }

    [Fact]
    public async Task ResetPassword_StoresTheNewHash_ClearsTheLockout_AndAuditsWithoutThePassword()
    {
        var alice = await _host.CreatePersonAsync("alice");
        await _host.People.ReserveSignInAttemptAsync(alice.Id, maxFailures: 1, TimeSpan.FromMinutes(15));
        Assert.NotNull((await _host.People.FindAsync(alice.Id))!.LockedUntil);

        var outcome = await _host.Service.ResetPasswordAsync(alice.Id, new ResetPasswordRequest("a brand new passphrase"), AccessAdminHost.Root);

        Assert.Equal(OutcomeKind.Succeeded, outcome.Kind);
        Assert.Null(outcome.Value!.LockedUntil);
        var stored = (await _host.People.FindAsync(alice.Id))!;
        Assert.Null(stored.LockedUntil);
        Assert.Equal(PasswordVerificationResult.Success, _host.Hasher.VerifyHashedPassword(stored, stored.PasswordHash!, "a brand new passphrase"));
        Assert.Equal(PasswordVerificationResult.Failed, _host.Hasher.VerifyHashedPassword(stored, stored.PasswordHash!, "correct horse battery"));
        var audited = Assert.Single(await _host.AuditedAsync("person.passwordReset"));
        Assert.DoesNotContain("passphrase", audited.PayloadJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetPassword_TooShort_IsInvalid_AndTheOldPasswordStays()
    {
        var alice = await _host.CreatePersonAsync("alice");
        var hashBefore = (await _host.People.FindAsync(alice.Id))!.PasswordHash;

        var outcome = await _host.Service.ResetPasswordAsync(alice.Id, new ResetPasswordRequest("short"), AccessAdminHost.Root);

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.True(outcome.Problems.ContainsKey("password"));
        Assert.Equal(hashBefore, (await _host.People.FindAsync(alice.Id))!.PasswordHash);
        Assert.Empty(await _host.AuditedAsync("person.passwordReset"));
    }

    [Fact]
    public async Task Unlock_ALockedOutPerson_ClearsTheLockout_AndAuditsPersonUnlocked()
    {
        var alice = await _host.CreatePersonAsync("alice");
        var locked = await _host.People.ReserveSignInAttemptAsync(alice.Id, maxFailures: 1, TimeSpan.FromMinutes(15));

        var outcome = await _host.Service.UnlockAsync(alice.Id, AccessAdminHost.Root);
        var again = await _host.Service.UnlockAsync(alice.Id, AccessAdminHost.Root);

        Assert.Equal(OutcomeKind.Succeeded, outcome.Kind);
        Assert.Null((await _host.People.FindAsync(alice.Id))!.LockedUntil);
        var payload = AccessAdminHost.Payload(Assert.Single(await _host.AuditedAsync("person.unlocked")));
        Assert.Equal(locked!.LockedUntil, payload.GetProperty("lockedUntil").GetDateTimeOffset());
        Assert.Equal(OutcomeKind.Succeeded, again.Kind);
    }

    [Fact]
    public async Task ListPeople_ShowsRolesStatusAndSignInMethod_NeverAHash()
    {
        var alice = await _host.CreatePersonAsync("alice", WarRoomRole.Operator);
        await _host.People.CreateAsync(new PersonDraft("sam", "Sam SSO", null, string.Empty, "https://idp|sam"), "oidc");
        await _host.Service.SetDisabledAsync(alice.Id, disabled: true, AccessAdminHost.Root);

        var people = (await _host.Service.ListPeopleAsync(AccessAdminHost.Root)).Value!;

        Assert.Equal(["alice", "root", "sam"], people.Select(p => p.UserName));
        Assert.Equal(["Operator"], people[0].Roles);
        Assert.True(people[0].Disabled);
        Assert.Equal(["password"], people[0].SignInMethods);
        Assert.Empty(people[2].Roles);
        Assert.False(people[2].Disabled);
        Assert.Equal(["sso"], people[2].SignInMethods);
        Assert.DoesNotContain("AQAAAA", System.Text.Json.JsonSerializer.Serialize(people), StringComparison.Ordinal);
    }
}
