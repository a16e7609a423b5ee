using System.Globalization;
using System.Text.Json;
using Dashboard.Core.Checkpoints;
using Dashboard.Core.Plans;
using Dashboard.Infrastructure.Checkpoints;
using Dashboard.Infrastructure.Influx;
using Dashboard.Infrastructure.Metrics;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Integration.Tests.Metrics;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Integration.Tests.Checkpoints;

/// <summary>
/// Checkpoints reusing the settled sums earlier checkpoints of the phase stored in a real SQLite state store,
/// against a real influxd: every value (cumulative, last interval, samples, verdicts, comparison) must be the
/// full read's. <c>MaxSamples = 10</c> makes the two checkpoints sample differently (2 min at 15m, 3 min at
/// 30m), both from the same stored minutes; the default <c>ReuseAfter</c> of 5 min keeps the last minutes unstored.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class CheckpointEvaluatorReuseTests(InfluxServerFixture fixture)
{
    private static readonly DateTimeOffset Start = CheckpointScenario.PhaseStart;
    private static readonly PlanPhase Phase = CheckpointScenario.Phase(CheckpointScenario.AllInfluxCriteria());
    private readonly FakeTimeProvider _clock = new(Start);

    [Theory]
    [InlineData(900)] // the last interval starts on the stored minutes
    [InlineData(930)] // … or between them, and is read on its own
    public async Task Evaluate_AfterAnEarlierCheckpoint_ReadsOnlyWhatIsNewAndGivesTheFullReadsValues(int lastIntervalStartSeconds)
    {
        var influx = await InfluxWithScenarioAsync();
        await using var state = await TestStateStore.CreateAsync(_clock);
        await EvaluateAsync(Evaluator(influx, state.Get<IIntervalSumStore>()), FirstCheckpoint());
        var window = new CheckpointWindow(Start, Start.AddMinutes(30), Start.AddSeconds(lastIntervalStartSeconds));

        var full = await EvaluateAsync(Evaluator(influx, sums: null), SecondCheckpoint(window));
        var observed = new QueryObservingInfluxClient(influx);
        var reused = await EvaluateAsync(Evaluator(observed, state.Get<IIntervalSumStore>()), SecondCheckpoint(window));

        Assert.Equal(Json(full), Json(reused));
        // The first checkpoint (due 15m, read at 15m10s) stored the minutes that ended 5 min before: [0, 10m).
        var query = Assert.Single(observed.Queries);
        Assert.Contains(TimeFrom(Start.AddMinutes(10)), query, StringComparison.Ordinal);
        Assert.DoesNotContain(TimeFrom(Start), query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_PointLandsInAnIntervalNotYetSettled_IsCountedNotHiddenByAStoredSum()
    {
        var influx = await InfluxWithScenarioAsync();
        await using var state = await TestStateStore.CreateAsync(_clock);
        var window = CheckpointScenario.Window(Phase);
        var before = await EvaluateAsync(Evaluator(influx, state.Get<IIntervalSumStore>()), SecondCheckpoint(window));

        // Read at 30m10s, [25m, 30m) was not settled; a writer now delivers a point of 27m30s.
        await influx.WriteAsync([LatePoint(Start.AddMinutes(27).AddSeconds(30))]);
        var full = await EvaluateAsync(Evaluator(influx, sums: null), SecondCheckpoint(window));
        var reused = await EvaluateAsync(Evaluator(influx, state.Get<IIntervalSumStore>()), SecondCheckpoint(window));

        Assert.Equal(Json(full), Json(reused));
        Assert.True(ErrorRate(reused) > ErrorRate(before), $"the late point is counted: {ErrorRate(reused)} vs {ErrorRate(before)}");
    }

    [Fact]
    public async Task Evaluate_AfterARestart_ReusesWhatTheEarlierProcessStored()
    {
        var influx = await InfluxWithScenarioAsync();
        await using var state = await TestStateStore.CreateAsync(_clock);
        await EvaluateAsync(Evaluator(influx, state.Get<IIntervalSumStore>()), FirstCheckpoint());
        await state.RestartAsync();
        var window = CheckpointScenario.Window(Phase);

        var full = await EvaluateAsync(Evaluator(influx, sums: null), SecondCheckpoint(window));
        var observed = new QueryObservingInfluxClient(influx);
        var reused = await EvaluateAsync(Evaluator(observed, state.Get<IIntervalSumStore>()), SecondCheckpoint(window));

        Assert.Equal(Json(full), Json(reused));
        Assert.Contains(TimeFrom(Start.AddMinutes(10)), Assert.Single(observed.Queries), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_StoreCannotBeRead_FallsBackToAFullRead()
    {
        var influx = await InfluxWithScenarioAsync();
        await using var state = await TestStateStore.CreateAsync(_clock, migrate: false);
        var window = CheckpointScenario.Window(Phase);

        var full = await EvaluateAsync(Evaluator(influx, sums: null), SecondCheckpoint(window));
        var fallback = await EvaluateAsync(Evaluator(influx, state.Get<IIntervalSumStore>()), SecondCheckpoint(window));

        Assert.Equal(Json(full), Json(fallback));
    }

    private async Task<IInfluxClient> InfluxWithScenarioAsync()
    {
        var host = new CheckpointHost(fixture.Url, await fixture.CreateDatabaseAsync("reuse"));
        await host.Influx.WriteAsync(CheckpointScenario.Points());
        return host.Influx;
    }

    private CheckpointEvaluator Evaluator(IInfluxClient influx, IIntervalSumStore? sums) => new(
        influx,
        Options.Create(new InfluxOptions { Url = fixture.Url }),
        Options.Create(new MetricsSchemaOptions { Service = "analyzer" }),
        Options.Create(new CheckpointEvaluatorOptions { MaxSamples = 10 }),
        _clock,
        NullLogger<CheckpointEvaluator>.Instance,
        sums);

    // Evaluated as the scheduler does: the settle delay after the due time.
    private async Task<CheckpointEvaluation> EvaluateAsync(CheckpointEvaluator evaluator, CheckpointEvaluationRequest request)
    {
        _clock.SetUtcNow(request.Window.DueAt.AddSeconds(10));
        return await evaluator.EvaluateAsync(request);
    }

    private static CheckpointEvaluationRequest FirstCheckpoint() =>
        new("rollout-1", 0, Phase, TimeSpan.FromMinutes(15), CheckpointWindow.For(Phase, Start, TimeSpan.FromMinutes(15)));

    private static CheckpointEvaluationRequest SecondCheckpoint(CheckpointWindow window) =>
        new("rollout-1", 0, Phase, CheckpointScenario.Checkpoint, window);

    private static string TimeFrom(DateTimeOffset from) =>
        string.Create(CultureInfo.InvariantCulture, $"time >= {from.ToUnixTimeMilliseconds()}ms");

    private static string Json(CheckpointEvaluation evaluation) => JsonSerializer.Serialize(evaluation, CheckpointVerdictStore.Json);

    private static double ErrorRate(CheckpointEvaluation evaluation) =>
        evaluation.Criteria.Single(criterion => criterion.Metric == MetricKeys.ErrorRatePct).CumulativeValue!.Value;

    // A whole requests point, every request an error.
    private static InfluxPoint LatePoint(DateTimeOffset at)
    {
        var point = new InfluxPoint("requests", at).Tag("service", "analyzer").Tag("cohort", "canary").Tag("segment", "A").Tag("region", "eu")
            .Tag("version", "2.0").Field("count", 100L).Field("errors", 100L);
        foreach (var field in Core.Metrics.LatencyHistogram.FieldNames)
        {
            point.Field(field, 100L);
        }

        return point;
    }
}
