using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Access.Admin;
using Dashboard.Web.Shared;

namespace Dashboard.Integration.Tests.Access;

/// <summary>Kiosk links through <see cref="AccessAdminService"/>: the path opens the link until it is revoked or expires.</summary>
public sealed class AccessAdminKioskLinkTests : IAsyncLifetime
{
    private AccessAdminHost _host = null!;

    public async Task InitializeAsync() => _host = await AccessAdminHost.CreateAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string TokenOf(string path)
    {
        Assert.StartsWith(KioskTokens.PathPrefix, path, StringComparison.Ordinal);
        return Uri.UnescapeDataString(path[KioskTokens.PathPrefix.Length..]);
    }

    [Fact]
    public async Task CreateKioskLink_PathRoundTripsThroughTheTokenReader_AndIsAudited()
    {
        var outcome = await _host.Service.CreateKioskLinkAsync(new CreateKioskLinkRequest("tv-ops", null), AccessAdminHost.Root);

        Assert.Equal(OutcomeKind.Created, outcome.Kind);
        var issued = outcome.Value!;
        var (link, problem) = await _host.KioskTokens.ReadAsync(TokenOf(issued.Path));
        Assert.Null(problem);
        Assert.Equal((issued.Link.Id, "tv-ops", (DateTimeOffset?)null), (link!.Id, link.Name, link.ExpiresAt));
        Assert.Equal("root", Assert.Single(await _host.AuditedAsync("kioskLink.created")).Actor);
    }

    [Fact]
    public async Task GetKioskLinkPath_ALiveLink_IssuesAFreshPathToTheSameLink()
    {
        var issued = (await _host.Service.CreateKioskLinkAsync(new CreateKioskLinkRequest("tv-ops", null), AccessAdminHost.Root)).Value!;

        var again = await _host.Service.GetKioskLinkPathAsync(issued.Link.Id, AccessAdminHost.Root);

        Assert.Equal(OutcomeKind.Succeeded, again.Kind);
        Assert.Equal(issued.Link.Id, (await _host.KioskTokens.ReadAsync(TokenOf(again.Value!.Path))).Link!.Id);
        Assert.Equal(OutcomeKind.NotFound, (await _host.Service.GetKioskLinkPathAsync(Guid.NewGuid(), AccessAdminHost.Root)).Kind);
    }

    [Fact]
    public async Task RevokeKioskLink_EveryIssuedPathStopsWorking_AndTheLinkIsListedAsRevoked()
    {
        var issued = (await _host.Service.CreateKioskLinkAsync(new CreateKioskLinkRequest("tv-ops", null), AccessAdminHost.Root)).Value!;
        var second = (await _host.Service.GetKioskLinkPathAsync(issued.Link.Id, AccessAdminHost.Root)).Value!;

        var revoked = await _host.Service.RevokeKioskLinkAsync(issued.Link.Id, AccessAdminHost.Root);

        Assert.Equal(OutcomeKind.Succeeded, revoked.Kind);
        foreach (var path in new[] { issued.Path, second.Path })
        {
            var (link, problem) = await _host.KioskTokens.ReadAsync(TokenOf(path));
            Assert.Null(link);
            Assert.Equal("The kiosk link 'tv-ops' was revoked.", problem);
        }

        Assert.Equal(AccessGrantState.Revoked, Assert.Single((await _host.Service.ListKioskLinksAsync(AccessAdminHost.Root)).Value!).State);
        Assert.Single(await _host.AuditedAsync("kioskLink.revoked"));
        var fresh = await _host.Service.GetKioskLinkPathAsync(issued.Link.Id, AccessAdminHost.Root);
        Assert.Equal(OutcomeKind.Conflict, fresh.Kind);
        Assert.Contains("was revoked", fresh.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KioskLinkWithExpiry_PathStopsWorkingAtTheExpiry_AndNoFreshPathIsIssued()
    {
        var issued = (await _host.Service.CreateKioskLinkAsync(new CreateKioskLinkRequest("tv-lobby", AccessAdminHost.T0.AddHours(8)), AccessAdminHost.Root)).Value!;
        Assert.NotNull((await _host.KioskTokens.ReadAsync(TokenOf(issued.Path))).Link);

        _host.Clock.Advance(TimeSpan.FromHours(8));

        Assert.Equal("The kiosk link 'tv-lobby' expired.", (await _host.KioskTokens.ReadAsync(TokenOf(issued.Path))).Problem);
        Assert.Equal(AccessGrantState.Expired, Assert.Single((await _host.Service.ListKioskLinksAsync(AccessAdminHost.Root)).Value!).State);
        Assert.Equal(OutcomeKind.Conflict, (await _host.Service.GetKioskLinkPathAsync(issued.Link.Id, AccessAdminHost.Root)).Kind);
    }

    [Fact]
    public async Task CreateKioskLink_WithoutANameOrWithAPastExpiry_IsInvalid_AndNothingIsStored()
    {
        var outcome = await _host.Service.CreateKioskLinkAsync(new CreateKioskLinkRequest("", AccessAdminHost.T0.AddMinutes(-1)), AccessAdminHost.Root);

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal(["expiresAt", "name"], outcome.Problems.Keys.Order(StringComparer.Ordinal));
        Assert.Empty((await _host.Service.ListKioskLinksAsync(AccessAdminHost.Root)).Value!);
    }
}
