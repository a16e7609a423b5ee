using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Dashboard.Core.Guardrails.Sequential;
using Dashboard.Core.Guardrails.Sequential.Backtest;

namespace Dashboard.Bench;

/// <summary>
/// The guardrail backtest of docs/guardrails.md: simulated canaries of the demo's traffic model
/// (seeded, 5 s polls) replayed through the sequential judge and the old rule on the same data.
/// Regressions: <c>runs</c> canaries per scenario and rate, up to 2 h each; healthy: <c>healthyRuns</c>
/// 2-hour phases per rate. Prints a Markdown table. Pure computation: no server is started.
/// <para>
/// Arguments: <c>[runs=100] [healthyRuns=1000] [scenarios=all] [rates=1,5,50] [designs=monitor]</c>. Scenarios, comma
/// separated: <c>2x</c>, <c>5x</c>, <c>10x</c>, <c>p99</c>, <c>availability</c>, <c>healthy</c>, any of them with an onset
/// (<c>10x@3m</c>: after 3 healthy minutes), or the groups <c>all</c> (the full table, late 10× rows included),
/// <c>regressions</c> and <c>late</c> (10× from 3 and 10 min). Designs, <c>+</c> separated, replay the same canaries side
/// by side instead of beside the old rule: <c>monitor</c>, <c>oracle</c> (knows the onset), or late-start knobs
/// <c>w0.9</c> (weight kept from the start), <c>r0.2</c> (reinvested per starting point), <c>e6</c> (intervals between
/// starting points), <c>l3</c> and <c>h30</c> (the late starts' lowest and highest rate ratio), e.g. <c>monitor+oracle+w0.5r0.2</c>.
/// </para>
/// </summary>
public static partial class GuardrailBacktestBench
{
    private static readonly TimeSpan PhaseLength = TimeSpan.FromHours(2);

    // The monitor's default: a 30 min horizon of 5 s cells, late starts within its first half.
    private const int HalfEpochIntervals = 180;

    public static void Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        var healthyRuns = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        var keys = (args.Length > 2 ? args[2] : "all").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        IReadOnlyList<double> rates = args.Length > 3
            ? [.. args[3].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(rate => double.Parse(rate, CultureInfo.InvariantCulture))]
            : BacktestScenario.CanaryRates;
        List<BacktestDesign> designs = args.Length > 4 ? args[4].Split('+', StringSplitOptions.RemoveEmptyEntries).Select(Design).ToList() : [BacktestDesign.Monitor];
        var scenarios = Scenarios(keys, rates);

        var settings = new SequentialSettings();
        var clock = Stopwatch.StartNew();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"α = {settings.Alpha}, tolerance = {settings.Tolerance}, plan's regression = {settings.DetectableRatio}×, floor = {settings.MinimumCanaryTrials} canary trials; {runs} runs per regression, {healthyRuns} healthy 2 h phases per rate; times from the fault's onset"));
        Console.WriteLine();
        var sideBySide = designs is not [{ Name: "monitor" }];
        Console.WriteLine(sideBySide
            ? "| scenario | canary req/s | design | rolled back | median | p95 |\n|---|---|---|---|---|---|"
            : "| scenario | canary req/s | sequential: rolled back | median | p95 | old rule: rolled back | median | p95 |\n|---|---|---|---|---|---|---|---|");
        foreach (var scenario in scenarios)
        {
            var (count, seed) = scenario.IsHealthy ? (healthyRuns, 100_000) : (runs, 1);
            if (sideBySide)
            {
                var summaries = GuardrailBacktest.Compare(scenario, count, seed, PhaseLength, settings, designs);
                for (var d = 0; d < designs.Count; d++)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {scenario.Name} | {scenario.CanaryRps:0} | {designs[d].Name} | {Count(summaries[d])} | {Time(summaries[d].Median)} | {Time(summaries[d].P95)} |"));
                }
            }
            else
            {
                Print(GuardrailBacktest.Run(scenario, count, seed, PhaseLength, settings));
            }
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds:0} s"));
    }

    private static List<BacktestScenario> Scenarios(IEnumerable<string> keys, IReadOnlyList<double> rates)
    {
        var scenarios = new List<BacktestScenario>();
        foreach (var key in keys)
        {
            IEnumerable<BacktestScenario> chosen = key switch
            {
                "all" => [.. Regressions(rates), .. Late(rates), .. rates.Select(BacktestScenario.Healthy)],
                "regressions" => Regressions(rates),
                "late" => Late(rates),
                _ => rates.Select(rps => Scenario(key, rps)),
            };
            scenarios.AddRange(chosen);
        }

        return scenarios;
    }

    private static IEnumerable<BacktestScenario> Regressions(IReadOnlyList<double> rates) =>
        BacktestScenario.Regressions().Where(scenario => rates.Contains(scenario.CanaryRps));

    private static IEnumerable<BacktestScenario> Late(IReadOnlyList<double> rates) =>
        BacktestScenario.LateOnsets.SelectMany(onset => rates.Select(rps => BacktestScenario.ErrorRate(10, rps).StartingAfter(onset)));

    // "10x", "p99", "healthy", … with an optional onset: "10x@3m".
    private static BacktestScenario Scenario(string key, double rps)
    {
        var at = key.IndexOf('@', StringComparison.Ordinal);
        var fault = at < 0 ? key : key[..at];
        var scenario = fault switch
        {
            "healthy" => BacktestScenario.Healthy(rps),
            "p99" => BacktestScenario.SlowerP99(rps),
            "availability" => BacktestScenario.AvailabilityDip(rps),
            _ when fault.EndsWith('x') => BacktestScenario.ErrorRate(double.Parse(fault[..^1], CultureInfo.InvariantCulture), rps),
            _ => throw new ArgumentException($"Unknown scenario '{key}'. Known: 2x, 5x, 10x, p99, availability, healthy (each with @<minutes>m), all, regressions, late."),
        };
        return at < 0 ? scenario : scenario.StartingAfter(TimeSpan.FromMinutes(double.Parse(key[(at + 1)..].TrimEnd('m'), CultureInfo.InvariantCulture)));
    }

    // "monitor", "oracle", or knobs "w0.5r0.2e6" on the default late starts.
    private static BacktestDesign Design(string spec)
    {
        if (spec is "monitor")
        {
            return BacktestDesign.Monitor;
        }

        if (spec is "oracle")
        {
            return BacktestDesign.Oracle;
        }

        var lateStarts = LateStarts.Within(HalfEpochIntervals);
        foreach (Match knob in Knob().Matches(spec))
        {
            var value = double.Parse(knob.Groups[2].Value, CultureInfo.InvariantCulture);
            lateStarts = knob.Groups[1].Value switch
            {
                "w" => lateStarts with { FromStartWeight = value },
                "r" => lateStarts with { Reinvest = value },
                "l" => lateStarts with { LowestRatio = value },
                "h" => lateStarts with { HighestRatio = value },
                _ => new LateStarts((int)value, (HalfEpochIntervals / (int)value) - 1)
                {
                    FromStartWeight = lateStarts.FromStartWeight, Reinvest = lateStarts.Reinvest, LowestRatio = lateStarts.LowestRatio, HighestRatio = lateStarts.HighestRatio,
                },
            };
        }

        if (lateStarts.Validate() is [var problem, ..])
        {
            throw new ArgumentException($"Design '{spec}': {problem}");
        }

        return new BacktestDesign(spec, lateStarts);
    }

    [GeneratedRegex("([wrelh])([0-9.]+)")]
    private static partial Regex Knob();

    private static void Print(BacktestResult result) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {result.Scenario.Name} | {result.Scenario.CanaryRps:0} | {Count(result.Sequential)} | {Time(result.Sequential.Median)} | {Time(result.Sequential.P95)} | {Count(result.OldRule)} | {Time(result.OldRule.Median)} | {Time(result.OldRule.P95)} |"));

    private static string Count(DetectionSummary summary) => summary.BeforeOnset == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{summary.RolledBack} / {summary.Runs}")
        : string.Create(CultureInfo.InvariantCulture, $"{summary.RolledBack} / {summary.Runs} ({summary.BeforeOnset} before the onset)");

    // "> 2 h" when that percentile is a run that never rolled back.
    private static string Time(TimeSpan? time) => time switch
    {
        null => "> 2 h",
        { TotalSeconds: < 120 } t => string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0} s"),
        { TotalMinutes: < 120 } t => string.Create(CultureInfo.InvariantCulture, $"{t.TotalMinutes:0.#} min"),
        { } t => string.Create(CultureInfo.InvariantCulture, $"{t.TotalHours:0.##} h"),
    };
}
