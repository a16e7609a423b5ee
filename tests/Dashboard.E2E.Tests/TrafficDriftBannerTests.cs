using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.E2E.Tests.TestSupport;
using Dashboard.TestSupport;
using Microsoft.Playwright;
using static Dashboard.E2E.Tests.TestSupport.PageFields;

namespace Dashboard.E2E.Tests;

/// <summary>
/// The app steers a real HAProxy; someone changes HAProxy's weights by hand. Every page shows the
/// drift without overwriting anything, and a person reconciles it through the confirmation dialog.
/// </summary>
public sealed class TrafficDriftBannerTests : IAsyncLifetime
{
    private TinyHttpBackend _baseline = null!;
    private TinyHttpBackend _canary = null!;
    private HaproxyServer _haproxy = null!;
    private LiveApp _live = null!;

    public async Task InitializeAsync()
    {
        _baseline = TinyHttpBackend.Start(HaproxyServer.BaselineServer);
        _canary = TinyHttpBackend.Start(HaproxyServer.CanaryServer);
        _haproxy = await HaproxyServer.StartAsync(_baseline.Port, _canary.Port);
        _live = await LiveApp.StartAsync("drift", new Dictionary<string, string>
        {
            ["Routing__Kind"] = "Haproxy",
            ["Routing__Haproxy__RuntimeApi"] = _haproxy.TcpRuntimeApi,
            ["Routing__DriftCheckInterval"] = "00:00:02",
        });
    }

    public async Task DisposeAsync()
    {
        await _live.DisposeAsync();
        await _haproxy.DisposeAsync();
        await _canary.DisposeAsync();
        await _baseline.DisposeAsync();
    }

    [Fact]
    public async Task HaproxyChangedByHand_EveryPageWarns_AndReconcileFromTheBannerRestoresTheRecordedWeight()
    {
        await StartRolloutAsync();
        var dashboard = await _live.OpenAsync("/");
        var warRoom = await _live.OpenAsync("/warroom");
        await Assertions.Expect(dashboard.GetByTestId("drift-banner")).ToHaveCountAsync(0, new() { Timeout = 15_000 });

        await SetHaproxyCanaryWeightAsync(35);

        var banner = dashboard.GetByTestId("drift-banner");
        await Assertions.Expect(banner).ToHaveAttributeAsync("data-kind", "Drifted", new() { Timeout = 15_000 });
        await Assertions.Expect(dashboard.GetByTestId("drift-message")).ToContainTextAsync("records 1 % canary");
        await Assertions.Expect(warRoom.GetByTestId("drift-banner")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(warRoom.GetByTestId("drift-reconcile")).ToHaveCountAsync(0);
        Assert.StartsWith("35 ", await _haproxy.SendCommandAsync($"get weight {HaproxyServer.Backend}/{HaproxyServer.CanaryServer}"), StringComparison.Ordinal);
        await dashboard.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "drift-banner.png") });

        await dashboard.GetByTestId("drift-reconcile").ClickAsync();
        await Assertions.Expect(dashboard.GetByTestId("change-from")).ToHaveTextAsync("35 % (weights 35/65)");
        await Assertions.Expect(dashboard.GetByTestId("change-to")).ToHaveTextAsync("1 % (recorded)");
        await Field(dashboard, "reason-input").FillAsync("weights were edited by hand during the incident drill");
        await dashboard.GetByTestId("confirm-reconcile").ClickAsync();

        await Assertions.Expect(banner).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Assertions.Expect(warRoom.GetByTestId("drift-banner")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        Assert.StartsWith("1 ", await _haproxy.SendCommandAsync($"get weight {HaproxyServer.Backend}/{HaproxyServer.CanaryServer}"), StringComparison.Ordinal);
    }

    private async Task StartRolloutAsync()
    {
        using var http = await _live.App.SignInAsAdminAsync();
        var created = await http.PostAsJsonAsync("/api/rollouts", new
        {
            service = "drift-e2e",
            baselineVersion = "v1",
            candidateVersion = "v2",
            planId = "three-phase",
            reason = "drift test",
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await http.PostAsJsonAsync($"/api/rollouts/{id}/start", new { reason = "go" })).EnsureSuccessStatusCode();
    }

    private async Task SetHaproxyCanaryWeightAsync(int canary)
    {
        await _haproxy.SendCommandAsync(string.Create(CultureInfo.InvariantCulture, $"set server {HaproxyServer.Backend}/{HaproxyServer.CanaryServer} weight {canary}"));
        await _haproxy.SendCommandAsync(string.Create(CultureInfo.InvariantCulture, $"set server {HaproxyServer.Backend}/{HaproxyServer.BaselineServer} weight {100 - canary}"));
    }
}
