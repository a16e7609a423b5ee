using System.Net;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Integration.Tests.LiveMetrics;

/// <summary>
/// Every <c>/hubs/live</c> connection is re-checked every <c>Auth:RevalidationInterval</c> and closed once its session is
/// no longer valid (docs/security.md, "Live hub"): a revoked kiosk link, a disabled person, a revoked API key. Another
/// caller's connection stays open.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class LiveHubRevalidationAppTests(LiveHubApp live) : IClassFixture<LiveHubApp>
{
    // One interval until the next check, one for the check to run on a busy machine, and room for the close to arrive.
    private static readonly TimeSpan Within = (2 * LiveHubApp.RevalidationInterval) + TimeSpan.FromSeconds(5);

    [Fact]
    public async Task RevokingTheKioskLink_ClosesTheScreensHubConnection_AndNoOtherScreens()
    {
        var (revokedId, revoked) = await live.KioskAsync("tv-revoked");
        var (_, other) = await live.KioskAsync("tv-kept");
        await using var _ = revoked;
        await using var __ = other;

        using var revoke = await live.Admin.DeleteAsync($"/api/admin/kiosk-links/{revokedId}");
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);

        await ClosedAsync(revoked, "the revoked kiosk link's hub connection");
        Assert.Equal(HubConnectionState.Connected, other.Hub.State);
    }

    [Fact]
    public async Task DisablingAPerson_ClosesTheirHubConnection()
    {
        var (personId, person) = await live.PersonAsync("hub-disabled");
        await using var _ = person;

        using var disabled = await live.Admin.PostAsync($"/api/admin/people/{personId}/disable", null);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);

        await ClosedAsync(person, "the disabled person's hub connection");
    }

    [Fact]
    public async Task RevokingAnApiKey_ClosesItsHubConnection_AndNoOtherKeys()
    {
        var (keyId, key) = await live.ApiKeyAsync("hub-revoked-key");
        var (_, other) = await live.ApiKeyAsync("hub-kept-key");
        await using var _ = key;
        await using var __ = other;

        using var revoke = await live.Admin.DeleteAsync($"/api/admin/api-keys/{keyId}");
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);

        await ClosedAsync(key, "the revoked API key's hub connection");
        Assert.Equal(HubConnectionState.Connected, other.Hub.State);
    }

    private Task ClosedAsync(LiveHubClient client, string what) =>
        Eventually.UntilAsync(
            () => client.Hub.State == HubConnectionState.Disconnected,
            Within,
            $"{what} to close",
            () => $"{client.Hub.State}\nApp output:\n{live.App.Output}");
}
