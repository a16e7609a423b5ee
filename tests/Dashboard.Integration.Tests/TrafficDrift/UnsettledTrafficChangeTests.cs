using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.TrafficDrift;

/// <summary>
/// A traffic change saved but never settled — the app was killed while its call to the router hung — is finished by the
/// next instance that holds the automation lease: HAProxy runs the recorded weight and the change is settled once
/// (docs/traffic.md, "A change left unsettled").
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class UnsettledTrafficChangeTests(InfluxServerFixture influx)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AppKilledWhileTheRouterHung_TheNextStartHandsTheSavedChangeToHaproxy_AndSettlesItOnce()
    {
        var folder = Directory.CreateTempSubdirectory("unsettled-traffic-").FullName;
        await using var baseline = TinyHttpBackend.Start(HaproxyServer.BaselineServer);
        await using var canary = TinyHttpBackend.Start(HaproxyServer.CanaryServer);
        await using var haproxy = await HaproxyServer.StartAsync(baseline.Port, canary.Port);
        try
        {
            var database = Path.Combine(folder, "state.db");
            var settings = new Dictionary<string, string>
            {
                ["Routing__Kind"] = "Haproxy",
                ["Routing__Haproxy__RuntimeApi"] = haproxy.UnixRuntimeApi,
                // Far longer than the test: the hung call is still waiting when the app is killed.
                ["Routing__Haproxy__Timeout"] = "00:05:00",
                ["Routing__UnsettledChangeGrace"] = "00:00:02",
            };
            var first = await RolloutApiApp.StartAsync(influx.Url, database, settings);
            Guid id;
            Task<HttpResponseMessage> request;
            var aside = haproxy.AdminSocketPath + ".aside";
            Socket? hung = null;
            try
            {
                id = await first.CreateRolloutAsync();
                await first.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });
                // The router's socket now accepts and never answers.
                File.Move(haproxy.AdminSocketPath, aside);
                hung = ListenWithoutAnswering(haproxy.AdminSocketPath);
                request = first.Http.PostAsJsonAsync($"/api/rollouts/{id}/traffic", new { percent = 10, reason = "more traffic" });
                await first.WaitForAsync(
                    () => LatestChangeAsync(first, id),
                    change => change.GetProperty("toPercent").GetInt32() == 10,
                    "the traffic change saved as requested",
                    Within);
            }
            finally
            {
                // Killed first: closing the hung socket while the app lives would fail its call at once.
                await first.DisposeAsync();
                hung?.Dispose();
            }

            // Killed mid-call: the person never got an answer, and the router was never told.
            await Assert.ThrowsAnyAsync<Exception>(() => request);
            File.Delete(haproxy.AdminSocketPath);
            File.Move(aside, haproxy.AdminSocketPath);
            var weightWhileNobodyRuns = await haproxy.SendCommandAsync(CanaryWeightCommand);

            await using var second = await RolloutApiApp.StartAsync(influx.Url, database, settings);
            var settled = await second.WaitForAsync(
                () => LatestChangeAsync(second, id),
                change => change.GetProperty("status").GetString() != "Requested",
                "the next start to settle the change",
                Within);
            var weight = await haproxy.SendCommandAsync(CanaryWeightCommand);
            var applied = (await second.GetAsync($"/api/rollouts/{id}/events")).EnumerateArray()
                .Count(e => e.GetProperty("kind").GetString() == "traffic.changeApplied"
                    && e.GetProperty("payload").GetProperty("changeId").GetGuid() == settled.GetProperty("id").GetGuid());

            Assert.StartsWith("1 ", weightWhileNobodyRuns, StringComparison.Ordinal);
            Assert.Equal(("Applied", 10, 10), (settled.GetProperty("status").GetString(), settled.GetProperty("toPercent").GetInt32(), settled.GetProperty("readBackPercent").GetInt32()));
            Assert.StartsWith("10 ", weight, StringComparison.Ordinal);
            Assert.Equal(1, applied);
            Assert.Contains("never settled; handing it to the router now", second.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static readonly string CanaryWeightCommand = $"get weight {HaproxyServer.Backend}/{HaproxyServer.CanaryServer}";

    private static async Task<JsonElement> LatestChangeAsync(RolloutApiApp app, Guid id) =>
        (await app.GetAsync($"/api/rollouts/{id}/traffic")).EnumerateArray().Last();

    /// <summary>A Unix socket at <paramref name="path"/> that takes connections (into its backlog) and never answers.</summary>
    private static Socket ListenWithoutAnswering(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(path));
            socket.Listen(16);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
