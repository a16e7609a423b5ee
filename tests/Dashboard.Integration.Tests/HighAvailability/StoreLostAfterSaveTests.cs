using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Xunit.Abstractions;

namespace Dashboard.Integration.Tests.HighAvailability;

/// <summary>
/// PostgreSQL lost after a traffic change was saved, while HAProxy was applying it (the app on the test's own PostgreSQL,
/// HAProxy as the router behind a gate that holds its runtime API): the person is told the change was saved and audited,
/// what HAProxy read back, and that its outcome is not recorded yet — not "nothing was changed" — and once PostgreSQL is
/// back the automation settles the change once, with no second request (docs/high-availability.md, "What happens when …").
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class StoreLostAfterSaveTests(InfluxServerFixture influx, ITestOutputHelper output)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    private static readonly string CanaryWeightCommand = $"get weight {HaproxyServer.Backend}/{HaproxyServer.CanaryServer}";

    [Fact]
    public async Task PostgresLostWhileHaproxyAppliesASavedChange_AnswersSavedAndPending_AndTheChangeIsSettledOnceItIsBack()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var baseline = TinyHttpBackend.Start(HaproxyServer.BaselineServer);
        await using var canary = TinyHttpBackend.Start(HaproxyServer.CanaryServer);
        await using var haproxy = await HaproxyServer.StartAsync(baseline.Port, canary.Port);
        await using var gate = RuntimeApiGate.Start(haproxy.AdminPort);
        await using var app = await RolloutApiApp.StartAsync(influx.Url, extra: new Dictionary<string, string>
        {
            ["StateStore__Provider"] = "PostgreSql",
            ["StateStore__ConnectionString"] = await postgres.CreateDatabaseAsync(),
            ["Routing__Kind"] = "Haproxy",
            ["Routing__Haproxy__RuntimeApi"] = gate.RuntimeApi,
            // Longer than the gate is held: the app's call waits for it, it does not time out.
            ["Routing__Haproxy__Timeout"] = "00:02:00",
            ["Routing__UnsettledChangeGrace"] = "00:00:03",
        });
        var id = await app.CreateRolloutAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" })).Status);

        gate.Hold();
        var stopped = false;
        HttpStatusCode status;
        string answer;
        try
        {
            var request = app.Http.PostAsJsonAsync($"/api/rollouts/{id}/traffic", new { percent = 10, reason = "more traffic" });
            await app.WaitForAsync(
                () => LatestChangeAsync(app, id),
                change => change is { } c && c.GetProperty("toPercent").GetInt32() == 10 && c.GetProperty("status").GetString() == "Requested",
                "the traffic change saved as requested",
                Within);
            await postgres.StopAsync();
            stopped = true;

            // HAProxy gets the change now, and the app can no longer record what it read back.
            gate.Release();
            using var response = await request.WaitAsync(Within);
            (status, answer) = (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        finally
        {
            gate.Release();
            if (stopped)
            {
                await postgres.RestartAsync();
            }
        }

        var weightWhileLost = await haproxy.SendCommandAsync(CanaryWeightCommand);
        var watch = Stopwatch.StartNew();
        var settled = await app.WaitForAsync(
            () => LatestChangeAsync(app, id),
            change => change is { } c && c.GetProperty("status").GetString() != "Requested",
            "the automation to settle the change once PostgreSQL is back",
            Within);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"settled {watch.Elapsed.TotalSeconds:0.0} s after PostgreSQL restarted; the answer was {(int)status}: {answer}"));
        var changes = (await app.GetAsync($"/api/rollouts/{id}/traffic")).EnumerateArray().ToList();
        var events = (await app.GetAsync($"/api/rollouts/{id}/events?limit=1000")).EnumerateArray().ToList();
        var changeId = settled!.Value.GetProperty("id").GetGuid();

        Assert.True(status == HttpStatusCode.Accepted, $"{status}: {answer}");
        Assert.Contains("was saved and audited", answer, StringComparison.Ordinal);
        Assert.Contains("was asked for 10 % and reads back 10 %", answer, StringComparison.Ordinal);
        Assert.Contains("not confirmed", answer, StringComparison.Ordinal);
        Assert.Contains("Do not repeat the command", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Nothing was changed", answer, StringComparison.Ordinal);
        Assert.StartsWith("10 ", weightWhileLost, StringComparison.Ordinal);

        // Settled by the automation, once: one request of 10 % on the record, one outcome, and HAProxy at 10 %.
        Assert.Equal(("Applied", 10, 10), (settled.Value.GetProperty("status").GetString(), settled.Value.GetProperty("toPercent").GetInt32(), settled.Value.GetProperty("readBackPercent").GetInt32()));
        Assert.Single(changes, c => c.GetProperty("toPercent").GetInt32() == 10);
        Assert.Single(events, e => e.GetProperty("kind").GetString() == "traffic.changeRequested" && e.GetProperty("payload").GetProperty("toPercent").GetInt32() == 10);
        Assert.Single(events, e => e.GetProperty("kind").GetString() is "traffic.changeApplied" or "traffic.changeFailed"
            && e.GetProperty("payload").GetProperty("changeId").GetGuid() == changeId);
        Assert.StartsWith("10 ", await haproxy.SendCommandAsync(CanaryWeightCommand), StringComparison.Ordinal);
        Assert.Contains("never settled; handing it to the router now", app.Output, StringComparison.Ordinal);
    }

    /// <summary>The rollout's latest traffic change; null while the app cannot answer (PostgreSQL coming back).</summary>
    private static async Task<JsonElement?> LatestChangeAsync(RolloutApiApp app, Guid id)
    {
        using var response = await app.Http.GetAsync(new Uri($"/api/rollouts/{id}/traffic", UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        var changes = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return changes.GetArrayLength() == 0 ? null : changes[changes.GetArrayLength() - 1];
    }

    /// <summary>
    /// HAProxy's runtime API behind a gate on loopback: while held, a connection is taken and waits, with what was sent
    /// to it, until <see cref="Release"/>; then it goes to HAProxy's admin port and gets HAProxy's answer.
    /// </summary>
    private sealed class RuntimeApiGate : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly int _haproxyPort;
        private readonly CancellationTokenSource _stopping = new();
        private readonly Task _accepting;
        private TaskCompletionSource _open = Opened();

        private RuntimeApiGate(int haproxyPort)
        {
            _haproxyPort = haproxyPort;
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            _accepting = AcceptAsync();
        }

        /// <summary>The app's <c>Routing:Haproxy:RuntimeApi</c>.</summary>
        public string RuntimeApi => string.Create(CultureInfo.InvariantCulture, $"tcp:127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

        public static RuntimeApiGate Start(int haproxyPort) => new(haproxyPort);

        /// <summary>Connections from now on wait for <see cref="Release"/>.</summary>
        public void Hold() => Volatile.Write(ref _open, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

        /// <summary>Lets every waiting connection through, and every later one.</summary>
        public void Release() => Volatile.Read(ref _open).TrySetResult();

        public async ValueTask DisposeAsync()
        {
            await _stopping.CancelAsync();
            _listener.Stop();
            await _accepting;
            _stopping.Dispose();
        }

        private static TaskCompletionSource Opened()
        {
            var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            open.SetResult();
            return open;
        }

        private async Task AcceptAsync()
        {
            while (!_stopping.IsCancellationRequested)
            {
                Socket client;
                try
                {
                    client = await _listener.AcceptSocketAsync(_stopping.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                _ = ForwardAsync(client, Volatile.Read(ref _open).Task);
            }
        }

        // Ends when the app's side closes (after the answer), or the other side is shut.
        private async Task CopyAsync(Stream from, Stream to)
        {
            try
            {
                await from.CopyToAsync(to, _stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
            {
                // Shut down by ForwardAsync once HAProxy answered.
            }
        }

        // One command per connection: the command goes to HAProxy once the gate opens, and HAProxy's answer back until it closes.
        private async Task ForwardAsync(Socket client, Task open)
        {
            using (client)
            {
                try
                {
                    await open.WaitAsync(_stopping.Token);
                    using var haproxy = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    await haproxy.ConnectAsync(IPAddress.Loopback, _haproxyPort, _stopping.Token);
                    await using var toClient = new NetworkStream(client, ownsSocket: false);
                    await using var toHaproxy = new NetworkStream(haproxy, ownsSocket: false);
                    var command = CopyAsync(toClient, toHaproxy);
                    await toHaproxy.CopyToAsync(toClient, _stopping.Token);
                    client.Shutdown(SocketShutdown.Both);
                    haproxy.Shutdown(SocketShutdown.Both);
                    await command;
                }
                catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
                {
                    // The app's call fails as with a broken socket; the test's assertions say whether that mattered.
                }
            }
        }
    }
}
