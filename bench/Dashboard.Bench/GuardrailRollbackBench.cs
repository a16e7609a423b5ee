using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.TestSupport;

namespace Dashboard.Bench;

/// <summary>
/// Seconds from the first bad point written to InfluxDB to the router at 0 %: real influxd, the real
/// app with the guardrails at their defaults (5 s poll, 30 s window, 3 consecutive breaches), the demo
/// writing a healthy busy canary (400 requests/s at 1 %) every 5 s and the built-in router. Each run
/// starts a rollout, waits until every trigger is judged clean, then writes a bad canary point
/// (50 % errors) every second straight to InfluxDB, at a random moment of the poll cycle; the clock starts when the first one is written
/// and stops at the rollback's traffic change applied (its <c>settledAt</c>: the router's read-back of 0 %).
/// </summary>
public static class GuardrailRollbackBench
{
    private const string Database = "bench";

    public static async Task RunAsync(int runs)
    {
        await using var influx = await InfluxServer.StartAsync();
        await influx.CreateDatabaseAsync(Database);
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Influx__Url"] = influx.Url.ToString(),
            ["Influx__Database"] = Database,
            ["Demo__Enabled"] = "true",
            ["Demo__TotalRps"] = "40000",
            ["Demo__BackfillHours"] = "0",
            ["Routing__Kind"] = "BuiltIn",
        });
        using var http = await app.SignInAsAdminAsync();
        using var influxHttp = new HttpClient { BaseAddress = influx.Url, Timeout = TimeSpan.FromSeconds(10) };

        var toZero = new List<double>();
        var toDecision = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var id = await GuardrailBenchSupport.StartRolloutAsync(http, "guardrail bench");
            await GuardrailBenchSupport.WaitAsync("every trigger judged clean", TimeSpan.FromSeconds(120), () => AllTriggersCleanAsync(http, id));

            // That wait ends just after a poll; a spike arrives at any moment of the 5 s poll cycle.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 5000)));

            using var stop = new CancellationTokenSource();
            var firstWrite = DateTimeOffset.UtcNow;
            var writer = WriteBadPointsAsync(influxHttp, stop.Token);
            var rollback = await GuardrailBenchSupport.WaitAsync("the rollback applied at 0 %", TimeSpan.FromSeconds(120), () => GuardrailBenchSupport.AppliedZeroAsync(http, id));
            await stop.CancelAsync();
            await writer;

            var seconds = (rollback.GetProperty("settledAt").GetDateTimeOffset() - firstWrite).TotalSeconds;
            var decided = (rollback.GetProperty("requestedAt").GetDateTimeOffset() - firstWrite).TotalSeconds;
            toZero.Add(seconds);
            toDecision.Add(decided);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run + 1,2}: first bad point → rollback saved {decided,5:0.0} s → router at 0 % {seconds,5:0.0} s"));

            // The next rollout must not start with this run's bad points still in the 30 s window.
            if (run < runs - 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(35));
            }
        }

        GuardrailBenchSupport.Report("first bad point → router at 0 % (read back)", toZero);
        GuardrailBenchSupport.Report("first bad point → rollback saved", toDecision);
    }

    private static async Task<JsonElement?> AllTriggersCleanAsync(HttpClient http, Guid id)
    {
        var status = await http.GetFromJsonAsync<JsonElement>("/api/guardrails/status");
        var rollout = status.GetProperty("rollouts").EnumerateArray().FirstOrDefault(r => r.GetProperty("rolloutId").GetGuid() == id);
        return rollout.ValueKind == JsonValueKind.Object
            && rollout.GetProperty("rules").EnumerateArray().Where(r => r.GetProperty("kind").GetString() == "RollbackTrigger").All(r => r.GetProperty("reading").GetString() == "Clean")
            ? rollout
            : null;
    }

    /// <summary>One canary point a second with 200 requests, half of them errors, until stopped.</summary>
    private static async Task WriteBadPointsAsync(HttpClient influx, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var line = string.Create(CultureInfo.InvariantCulture,
                $"requests,service=ultra-fast-analyzer,cohort=canary,version=v3.0.0-sprint-2-complete,segment=A,region=eu count=200i,errors=100i,le_10=0i,le_25=0i,le_50=150i,le_100=190i,le_200=200i,le_250=200i,le_500=200i,le_1000=200i,le_inf=200i {at}");
            using var content = new StringContent(line);
            using var response = await influx.PostAsync($"/write?db={Database}&precision=ms", content, CancellationToken.None);
            response.EnsureSuccessStatusCode();
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
