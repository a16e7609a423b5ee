using Dashboard.Infrastructure.Persistence.Access;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Access.Admin;
using Dashboard.Web.Shared;

namespace Dashboard.Integration.Tests.Access;

/// <summary>Only admins manage access: everyone else is refused before anything is read or changed, and each refusal is audited.</summary>
public sealed class AccessAdminRefusalTests : IAsyncLifetime
{
    private AccessAdminHost _host = null!;
    private Guid _keyId;
    private Guid _linkId;

    public async Task InitializeAsync()
    {
        _host = await AccessAdminHost.CreateAsync();
        _keyId = (await _host.Service.CreateApiKeyAsync(new CreateApiKeyRequest("ci", ["Operator"], AccessAdminHost.T0.AddDays(1)), AccessAdminHost.Root)).Value!.Key.Id;
        _linkId = (await _host.Service.CreateKioskLinkAsync(new CreateKioskLinkRequest("tv", null), AccessAdminHost.Root)).Value!.Link.Id;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Every operation of the service, as <paramref name="actor"/>; each answer's kind and detail.</summary>
    private async Task<List<(OutcomeKind Kind, string? Detail)>> EveryOperationAsync(Actor actor)
    {
        var service = _host.Service;
        var root = _host.RootId;
        return
        [
            Of(await service.ListPeopleAsync(actor)),
            Of(await service.GetPersonAsync(root, actor)),
            Of(await service.CreatePersonAsync(new CreatePersonRequest("mallory", "Mallory", "correct horse battery", ["Admin"]), actor)),
            Of(await service.SetRolesAsync(root, new SetRolesRequest(["Operator"]), actor)),
            Of(await service.SetDisabledAsync(root, disabled: true, actor)),
            Of(await service.ResetPasswordAsync(root, new ResetPasswordRequest("mallory knows this"), actor)),
            Of(await service.UnlockAsync(root, actor)),
            Of(await service.ListApiKeysAsync(actor)),
            Of(await service.CreateApiKeyAsync(new CreateApiKeyRequest("backdoor", ["Operator"], AccessAdminHost.T0.AddDays(1)), actor)),
            Of(await service.RevokeApiKeyAsync(_keyId, actor)),
            Of(await service.ListKioskLinksAsync(actor)),
            Of(await service.CreateKioskLinkAsync(new CreateKioskLinkRequest("tv-2", null), actor)),
            Of(await service.GetKioskLinkPathAsync(_linkId, actor)),
            Of(await service.RevokeKioskLinkAsync(_linkId, actor)),
        ];
    }

    private static (OutcomeKind, string?) Of<T>(Outcome<T> outcome)
        where T : class => (outcome.Kind, outcome.Detail);

    [Fact]
    public async Task Operator_IsRefusedEveryOperation_EachRefusalIsAudited_AndNothingChanges()
    {
        var answers = await EveryOperationAsync(AccessAdminHost.Operator);

        Assert.All(answers, answer =>
        {
            Assert.Equal(OutcomeKind.Forbidden, answer.Kind);
            Assert.Equal("olga may not manage people and access: it needs the Admin role.", answer.Detail);
        });
        var refusals = await _host.AuditedAsync("access.refused");
        Assert.Equal(answers.Count, refusals.Count);
        Assert.All(refusals, e => Assert.Equal(("olga", "ManageAccess"), (e.Actor, AccessAdminHost.Payload(e).GetProperty("operation").GetString())));
        var root = (await _host.People.FindAsync(_host.RootId))!;
        Assert.Equal(("Admin", false, (string?)null), (root.Roles, root.Disabled, root.PasswordHash));
        Assert.Single(await _host.People.ListAsync());
        Assert.Single(await _host.Store.Get<ApiKeyStore>().ListAsync(), k => k.RevokedAt is null);
        Assert.Single(await _host.Store.Get<KioskLinkStore>().ListAsync(), l => l.RevokedAt is null);
    }

    [Fact]
    public async Task KioskScreenAndAnonymousCaller_AreRefused()
    {
        var kiosk = await _host.Service.ListPeopleAsync(Actor.Kiosk("tv"));
        var anonymous = await _host.Service.CreateApiKeyAsync(new CreateApiKeyRequest("x", [], AccessAdminHost.T0.AddDays(1)), Actor.Anonymous);

        Assert.Equal(OutcomeKind.Forbidden, kiosk.Kind);
        Assert.Equal(OutcomeKind.Forbidden, anonymous.Kind);
        Assert.Contains("Sign in first", anonymous.Detail, StringComparison.Ordinal);
        Assert.Equal(2, (await _host.AuditedAsync("access.refused")).Count);
    }
}
