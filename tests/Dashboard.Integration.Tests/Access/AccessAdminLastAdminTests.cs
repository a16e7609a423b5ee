using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Access.Admin;
using Dashboard.Web.Shared;

namespace Dashboard.Integration.Tests.Access;

/// <summary>One enabled admin always remains, whoever asks and however many ask at once.</summary>
public sealed class AccessAdminLastAdminTests : IAsyncLifetime
{
    private AccessAdminHost _host = null!;

    public async Task InitializeAsync() => _host = await AccessAdminHost.CreateAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task LastEnabledAdmin_CannotLoseAdminOrBeDisabled_AndNothingIsStoredOrAudited()
    {
        var demoted = await _host.Service.SetRolesAsync(_host.RootId, new SetRolesRequest(["Operator"]), AccessAdminHost.Root);
        var disabled = await _host.Service.SetDisabledAsync(_host.RootId, disabled: true, AccessAdminHost.Root);

        Assert.Equal(OutcomeKind.Conflict, demoted.Kind);
        Assert.Contains("root is the last enabled admin and must keep the Admin role", demoted.Detail, StringComparison.Ordinal);
        Assert.Equal(OutcomeKind.Conflict, disabled.Kind);
        Assert.Contains("root is the last enabled admin and cannot be disabled", disabled.Detail, StringComparison.Ordinal);
        var root = (await _host.People.FindAsync(_host.RootId))!;
        Assert.Equal(("Admin", false), (root.Roles, root.Disabled));
        Assert.Empty(await _host.AuditedAsync("person.rolesChanged"));
        Assert.Empty(await _host.AuditedAsync("person.disabled"));
    }

    [Fact]
    public async Task WithASecondEnabledAdmin_TheFirstMayStepDown()
    {
        await _host.CreatePersonAsync("bob", WarRoomRole.Admin);

        var demoted = await _host.Service.SetRolesAsync(_host.RootId, new SetRolesRequest(["Operator"]), AccessAdminHost.Root);

        Assert.Equal(OutcomeKind.Succeeded, demoted.Kind);
        Assert.Equal("Operator", (await _host.People.FindAsync(_host.RootId))!.Roles);
    }

    [Fact]
    public async Task ADisabledSecondAdmin_DoesNotCount()
    {
        var bob = await _host.CreatePersonAsync("bob", WarRoomRole.Admin);
        await _host.Service.SetDisabledAsync(bob.Id, disabled: true, AccessAdminHost.Root);

        var disabled = await _host.Service.SetDisabledAsync(_host.RootId, disabled: true, AccessAdminHost.Root);

        Assert.Equal(OutcomeKind.Conflict, disabled.Kind);
        Assert.False((await _host.People.FindAsync(_host.RootId))!.Disabled);
    }

    [Fact]
    public async Task TwoAdminsDisablingEachOtherAtOnceFromTwoInstances_OneOfThemRemains()
    {
        var bob = await _host.CreatePersonAsync("bob", WarRoomRole.Admin);
        var otherInstance = _host.ServiceOn(_host.Store.BuildProvider());
        var bobActor = Actor.Person("bob", [WarRoomRole.Admin]);

        var outcomes = await Task.WhenAll(
            Task.Run(() => _host.Service.SetDisabledAsync(bob.Id, disabled: true, AccessAdminHost.Root)),
            Task.Run(() => otherInstance.SetDisabledAsync(_host.RootId, disabled: true, bobActor)));

        Assert.Equal([OutcomeKind.Succeeded, OutcomeKind.Conflict], outcomes.Select(o => o.Kind).Order());
        var enabledAdmins = (await _host.People.ListAsync()).Count(p => !p.Disabled && p.Roles.Contains("Admin", StringComparison.Ordinal));
        Assert.Equal(1, enabledAdmins);
    }
}
