using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.TestSupport;

namespace Dashboard.Bench;

/// <summary>
/// The quick start's demo at its defaults (the app's own settings: 400 requests/s, 1 % canary, 5 s points, guardrails at
/// their defaults), with the demo's own fault: per run, start a rollout and time (a) until the guardrails see — every
/// count-ratio trigger has canary counts of the new phase run and the poll is not blind; (b) with <c>afterHealthy</c>, until
/// those triggers are proven healthy; then, at a random moment of the poll cycle, inject <c>errorSpike</c> of magnitude 3
/// (0.3 % → 3.3 %) and time (c) until the rollback is saved and (d) until the router reads back 0 %. Without
/// <c>afterHealthy</c> the spike comes as soon as the guardrails see; with it, after minutes of healthy evidence, which
/// the fault must first outweigh. With <c>healthyMinutes</c> it
/// then runs one healthy rollout that long and reports whether anything rolled it back.
/// </summary>
public static class DemoGuardrailBench
{
    private const string Database = "bench";

    public static async Task RunAsync(int runs, int healthyMinutes, bool afterHealthy)
    {
        await using var influx = await InfluxServer.StartAsync();
        await influx.CreateDatabaseAsync(Database);
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Influx__Url"] = influx.Url.ToString(),
            ["Influx__Database"] = Database,
            ["Demo__Enabled"] = "true",
            ["Demo__BackfillHours"] = "0",
            ["Routing__Kind"] = "BuiltIn",
        });
        using var http = await app.SignInAsAdminAsync();

        var sees = new List<double>();
        var healthy = new List<double>();
        var saved = new List<double>();
        var zero = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var started = DateTimeOffset.UtcNow;
            var id = await GuardrailBenchSupport.StartRolloutAsync(http, "demo guardrail bench");
            await GuardrailBenchSupport.WaitAsync("the count-ratio triggers see the phase's data", TimeSpan.FromSeconds(120), () => TriggersAsync(http, id, seeing: true));
            sees.Add((DateTimeOffset.UtcNow - started).TotalSeconds);
            if (afterHealthy)
            {
                await GuardrailBenchSupport.WaitAsync("the count-ratio triggers proven healthy", TimeSpan.FromMinutes(10), () => TriggersAsync(http, id, seeing: false));
                healthy.Add((DateTimeOffset.UtcNow - started).TotalSeconds);
            }


            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 5000)));
            var injected = DateTimeOffset.UtcNow;
            using (var fault = await http.PostAsJsonAsync("/api/demo/faults", new { kind = "errorSpike", magnitude = 3, durationSeconds = 600 }))
            {
                fault.EnsureSuccessStatusCode();
            }

            var rollback = await GuardrailBenchSupport.WaitAsync("the rollback applied at 0 %", TimeSpan.FromMinutes(5), () => GuardrailBenchSupport.AppliedZeroAsync(http, id));
            saved.Add((rollback.GetProperty("requestedAt").GetDateTimeOffset() - injected).TotalSeconds);
            zero.Add((rollback.GetProperty("settledAt").GetDateTimeOffset() - injected).TotalSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run + 1,2}: start → sees {sees[^1],5:0.0} s{(afterHealthy ? $", → healthy {healthy[^1],5:0.0} s" : string.Empty)}; spike → rollback saved {saved[^1],5:0.0} s → router at 0 % {zero[^1],5:0.0} s"));
            using var cleared = await http.DeleteAsync("/api/demo/faults");
            cleared.EnsureSuccessStatusCode();
            await Task.Delay(TimeSpan.FromSeconds(10));
        }

        if (runs > 0)
        {
            GuardrailBenchSupport.Report("rollout start → guardrails see (count-ratio triggers judged on the phase's data)", sees);
            if (afterHealthy)
            {
                GuardrailBenchSupport.Report("rollout start → count-ratio triggers proven healthy", healthy);
            }

            GuardrailBenchSupport.Report("errorSpike 3 injected → rollback saved", saved);
            GuardrailBenchSupport.Report("errorSpike 3 injected → router at 0 % (read back)", zero);
        }

        if (healthyMinutes > 0)
        {
            await HealthyRunAsync(http, TimeSpan.FromMinutes(healthyMinutes));
        }
    }

    private static async Task HealthyRunAsync(HttpClient http, TimeSpan length)
    {
        var id = await GuardrailBenchSupport.StartRolloutAsync(http, "demo guardrail bench");
        var watch = Stopwatch.StartNew();
        var readings = new Dictionary<string, int>(StringComparer.Ordinal);
        var polls = 0;
        string state = "Running";
        while (watch.Elapsed < length && state == "Running")
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            var rollout = await http.GetFromJsonAsync<JsonElement>($"/api/rollouts/{id}");
            state = rollout.GetProperty("currentState").GetString() ?? "?";
            var status = await http.GetFromJsonAsync<JsonElement>("/api/guardrails/status");
            var mine = status.GetProperty("rollouts").EnumerateArray().FirstOrDefault(r => r.GetProperty("rolloutId").GetGuid() == id);
            if (mine.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            polls++;
            foreach (var rule in mine.GetProperty("rules").EnumerateArray())
            {
                var key = $"{rule.GetProperty("condition").GetString()}: {rule.GetProperty("reading").GetString()}";
                readings[key] = readings.GetValueOrDefault(key) + 1;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"healthy rollout over {watch.Elapsed.TotalMinutes:0.0} min: state {state}, {polls} status reads"));
        foreach (var (key, count) in readings.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {key} × {count}"));
        }
    }

    // seeing: every count-ratio trigger has canary counts and the poll is not blind; else: every one is proven healthy (Clean).
    private static async Task<JsonElement?> TriggersAsync(HttpClient http, Guid id, bool seeing)
    {
        var status = await http.GetFromJsonAsync<JsonElement>("/api/guardrails/status");
        var rollout = status.GetProperty("rollouts").EnumerateArray().FirstOrDefault(r => r.GetProperty("rolloutId").GetGuid() == id);
        if (rollout.ValueKind != JsonValueKind.Object || status.GetProperty("blindReason").ValueKind != JsonValueKind.Null)
        {
            return null;
        }

        var counted = rollout.GetProperty("rules").EnumerateArray()
            .Where(r => r.GetProperty("kind").GetString() == "RollbackTrigger" && r.GetProperty("evidence").ValueKind == JsonValueKind.Array)
            .ToList();
        var ready = counted.Count > 0 && counted.All(r => seeing
            ? r.GetProperty("evidence").EnumerateArray().All(e => e.GetProperty("canaryTrials").GetInt64() > 0)
            : r.GetProperty("reading").GetString() == "Clean");
        return ready ? rollout : null;
    }
}
