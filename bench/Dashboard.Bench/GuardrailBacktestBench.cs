using System.Diagnostics;
using System.Globalization;
using Dashboard.Core.Guardrails.Sequential;
using Dashboard.Core.Guardrails.Sequential.Backtest;

namespace Dashboard.Bench;

/// <summary>
/// The guardrail backtest of docs/guardrails.md: simulated canaries of the demo's traffic model
/// (seeded, 5 s polls) replayed through the sequential judge and the old rule on the same data.
/// Regressions: <c>runs</c> canaries per scenario and rate, up to 2 h each; healthy: <c>healthyRuns</c>
/// 2-hour phases per rate. Prints a Markdown table. Pure computation: no server is started.
/// </summary>
public static class GuardrailBacktestBench
{
    private static readonly TimeSpan PhaseLength = TimeSpan.FromHours(2);

    public static void Run(int runs, int healthyRuns)
    {
        var settings = new SequentialSettings();
        var clock = Stopwatch.StartNew();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"α = {settings.Alpha}, tolerance = {settings.Tolerance}, plan's regression = {settings.DetectableRatio}×, floor = {settings.MinimumCanaryTrials} canary trials; {runs} runs per regression, {healthyRuns} healthy 2 h phases per rate"));
        Console.WriteLine();
        Console.WriteLine("| scenario | canary req/s | sequential: rolled back | median | p95 | old rule: rolled back | median | p95 |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var scenario in BacktestScenario.Regressions())
        {
            Print(GuardrailBacktest.Run(scenario, runs, 1, PhaseLength, settings));
        }

        foreach (var rps in BacktestScenario.CanaryRates)
        {
            Print(GuardrailBacktest.Run(BacktestScenario.Healthy(rps), healthyRuns, 100_000, PhaseLength, settings));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds:0} s"));
    }

    private static void Print(BacktestResult result) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {result.Scenario.Fault} | {result.Scenario.CanaryRps:0} | {Count(result.Sequential)} | {Time(result.Sequential.Median)} | {Time(result.Sequential.P95)} | {Count(result.OldRule)} | {Time(result.OldRule.Median)} | {Time(result.OldRule.P95)} |"));

    private static string Count(DetectionSummary summary) =>
        string.Create(CultureInfo.InvariantCulture, $"{summary.RolledBack} / {summary.Runs}");

    // "> 2 h" when that percentile is a run that never rolled back.
    private static string Time(TimeSpan? time) => time switch
    {
        null => "> 2 h",
        { TotalSeconds: < 120 } t => string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0} s"),
        { TotalMinutes: < 120 } t => string.Create(CultureInfo.InvariantCulture, $"{t.TotalMinutes:0.#} min"),
        { } t => string.Create(CultureInfo.InvariantCulture, $"{t.TotalHours:0.##} h"),
    };
}
