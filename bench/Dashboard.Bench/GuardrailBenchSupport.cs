using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dashboard.Bench;

/// <summary>What the guardrail benches share: start a three-phase rollout, wait with a bound, read the rollback, report.</summary>
internal static class GuardrailBenchSupport
{
    /// <summary>Creates and starts a rollout of the demo's service along the built-in three-phase plan (canary 1 %).</summary>
    public static async Task<Guid> StartRolloutAsync(HttpClient http, string reason)
    {
        using var created = await http.PostAsJsonAsync("/api/rollouts", new
        {
            service = "ultra-fast-analyzer",
            baselineVersion = "v2.9.4",
            candidateVersion = "v3.0.0-sprint-2-complete",
            planId = "three-phase",
            reason,
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var started = await http.PostAsJsonAsync($"/api/rollouts/{id}/start", new { reason = "go" });
        started.EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>The rollout's latest traffic change once it is an applied 0 %; null before.</summary>
    public static async Task<JsonElement?> AppliedZeroAsync(HttpClient http, Guid id)
    {
        var changes = await http.GetFromJsonAsync<JsonElement>($"/api/rollouts/{id}/traffic");
        var last = changes.EnumerateArray().LastOrDefault();
        return last.ValueKind == JsonValueKind.Object && last.GetProperty("toPercent").GetInt32() == 0 && last.GetProperty("status").GetString() == "Applied"
            ? last
            : null;
    }

    /// <summary>What <paramref name="probe"/> finds, asked every 100 ms, within <paramref name="limit"/>.</summary>
    public static async Task<JsonElement> WaitAsync(string what, TimeSpan limit, Func<Task<JsonElement?>> probe)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Gave up waiting for {what} after {limit.TotalSeconds:0} s.");
    }

    public static void Report(string what, List<double> seconds)
    {
        seconds.Sort();
        var median = seconds.Count % 2 == 1 ? seconds[seconds.Count / 2] : (seconds[(seconds.Count / 2) - 1] + seconds[seconds.Count / 2]) / 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}, {seconds.Count} runs: median {median:0.0} s, min {seconds[0]:0.0} s, max {seconds[^1]:0.0} s"));
    }
}
