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
/// The background top-up of settled sums against a real influxd and a real SQLite state store: a checkpoint after it reads
/// only the last minutes and gives the full read's values; it never stores an interval that has not settled, nor anything
/// from a failed read; it reads at most <c>MaxReadPerTick</c> per tick and nothing when nothing settled.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class CheckpointSumTopUpTests(InfluxServerFixture fixture)
{
    private static readonly DateTimeOffset Start = CheckpointScenario.PhaseStart;
    private static readonly PlanPhase Phase = CheckpointScenario.Phase(CheckpointScenario.AllInfluxCriteria());
    private static readonly PhaseRunKey Run = new("rollout-1", 0, Start);
    private readonly FakeTimeProvider _clock = new(Start);

    [Fact]
    public async Task Evaluate_AfterTopUpsEveryMinuteOfThePhase_ReadsOnlyTheUnsettledMinutesAndGivesTheFullReadsValues()
    {
        var influx = await InfluxWithScenarioAsync();
        await using var state = await TestStateStore.CreateAsync(_clock);
        var topUp = TopUp(influx, state.Get<IIntervalSumStore>());
        var window = CheckpointScenario.Window(Phase);
        for (var minute = 1; minute <= 30; minute++)
        {
            _clock.SetUtcNow(Start.AddMinutes(minute));
            await topUp.TopUpAsync(Run, Phase);
        }

        var full = await EvaluateAsync(Evaluator(influx, sums: null), Checkpoint(window));
        var observed = new QueryObservingInfluxClient(influx);
        var topped = await EvaluateAsync(Evaluator(observed, state.Get<IIntervalSumStore>()), Checkpoint(window));

        Assert.Equal(Json(full), Json(topped));
        // The last top-up (at 30m) stored every minute that ended 5 min before it: [0, 25m). Without it the checkpoint read all 30.
        var query = Assert.Single(observed.Queries);
        Assert.Contains(TimeFrom(Start.AddMinutes(25)), query, StringComparison.Ordinal);
        Assert.DoesNotContain(TimeFrom(Start), query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TopUp_FarBehind_ReadsAtMostMaxReadPerTickAndNothingOnceCaughtUp()
    {
        var observed = new QueryObservingInfluxClient(await InfluxWithScenarioAsync());
        await using var state = await TestStateStore.CreateAsync(_clock);
        var topUp = TopUp(observed, state.Get<IIntervalSumStore>(), maxReadPerTick: TimeSpan.FromMinutes(10));
        _clock.SetUtcNow(Start.AddMinutes(30).AddSeconds(10));

        var ticks = new List<SumTopUpResult>();
        for (var tick = 0; tick < 4; tick++)
        {
            ticks.Add(await topUp.TopUpAsync(Run, Phase));
        }

        Assert.Equal(
            [(Start, Start.AddMinutes(10)), (Start.AddMinutes(10), Start.AddMinutes(20)), (Start.AddMinutes(20), Start.AddMinutes(25))],
            ticks.Take(3).Select(result => (result.From!.Value, result.To!.Value)));
        Assert.All(ticks.Take(3), result => Assert.Null(result.Failure));
        Assert.Equal(SumTopUpResult.Nothing, ticks[3]);
        Assert.Equal(3, observed.Queries.Count);
    }

    [Theory]
    [InlineData(12 * 60 + 30)] // settled up to 7m30s: whole intervals to 7m
    [InlineData(5 * 60 + 59)] // nothing whole has settled yet
    public async Task TopUp_NeverStoresAnIntervalThatEndedLessThanReuseAfterAgo(int nowSeconds)
    {
        var influx = await InfluxWithScenarioAsync();
        await using var state = await TestStateStore.CreateAsync(_clock);
        var now = Start.AddSeconds(nowSeconds);
        _clock.SetUtcNow(now);

        await TopUp(influx, state.Get<IIntervalSumStore>()).TopUpAsync(Run, Phase);

        var settled = now - new CheckpointEvaluatorOptions().ReuseAfter;
        var chunks = await AllChunksAsync(state);
        Assert.All(chunks, chunk => Assert.True(chunk.To <= settled, $"a chunk of {chunk.Family} ends at {chunk.To:O}, after {settled:O}"));
        var rows = chunks.SelectMany(chunk => chunk.Results).SelectMany(result => result.Series)
            .SelectMany(series => Enumerable.Range(0, series.Values.Count).Select(series.GetTime)).ToList();
        Assert.All(rows, time => Assert.True(time + TimeSpan.FromMinutes(1) <= settled, $"the interval starting {time:O} had not settled"));
        Assert.Equal(nowSeconds >= 6 * 60 ? 4 : 0, chunks.Count); // one chunk per family, or none
    }

    [Fact]
    public async Task TopUp_InfluxDbUnreachable_StoresNothing()
    {
        await using var unreachable = new CheckpointHost(new Uri($"http://127.0.0.1:{FreePort.Next()}"), "none");
        await using var state = await TestStateStore.CreateAsync(_clock);
        var store = state.Get<IIntervalSumStore>();
        _clock.SetUtcNow(Start.AddMinutes(31));

        var result = await TopUp(unreachable.Influx, store).TopUpAsync(Run, Phase);

        Assert.StartsWith("InfluxDB query failed", result.Failure, StringComparison.Ordinal);
        Assert.Empty(await store.RunsAsync());
    }

    [Fact]
    public async Task TopUp_StatementsFail_StoresNothing()
    {
        // A database that does not exist: influxd answers every statement with an error.
        await using var missing = new CheckpointHost(fixture.Url, $"missing_{Guid.NewGuid():N}");
        await using var state = await TestStateStore.CreateAsync(_clock);
        var store = state.Get<IIntervalSumStore>();
        _clock.SetUtcNow(Start.AddMinutes(31));

        var result = await TopUp(missing.Influx, store).TopUpAsync(Run, Phase);

        Assert.NotNull(result.Failure);
        Assert.Empty(await store.RunsAsync());
    }

    private async Task<IInfluxClient> InfluxWithScenarioAsync()
    {
        var host = new CheckpointHost(fixture.Url, await fixture.CreateDatabaseAsync("topup"));
        await host.Influx.WriteAsync(CheckpointScenario.Points());
        return host.Influx;
    }

    // Every chunk in the table, whatever its family or shape.
    private static async Task<List<IntervalSumChunk>> AllChunksAsync(TestStateStore state)
    {
        await using var db = await state.OpenContextAsync();
        return [.. db.IntervalSums.AsEnumerable().Select(record => new IntervalSumChunk(
            record.Family, record.Shape, record.From, record.To, record.ReadAt, QueryResponseParser.Parse(record.ResultsJson)))];
    }

    private CheckpointSumTopUp TopUp(IInfluxClient influx, IIntervalSumStore store, TimeSpan? maxReadPerTick = null) => new(
        influx,
        Options.Create(new InfluxOptions { Url = fixture.Url }),
        Options.Create(new MetricsSchemaOptions { Service = "analyzer" }),
        Options.Create(EvaluatorOptions(maxReadPerTick)),
        _clock,
        NullLogger<CheckpointSumTopUp>.Instance,
        store);

    private CheckpointEvaluator Evaluator(IInfluxClient influx, IIntervalSumStore? sums) => new(
        influx,
        Options.Create(new InfluxOptions { Url = fixture.Url }),
        Options.Create(new MetricsSchemaOptions { Service = "analyzer" }),
        Options.Create(EvaluatorOptions(null)),
        _clock,
        NullLogger<CheckpointEvaluator>.Instance,
        sums);

    private static CheckpointEvaluatorOptions EvaluatorOptions(TimeSpan? maxReadPerTick) => new()
    {
        MaxSamples = 10,
        TopUp = new CheckpointSumTopUpOptions { MaxReadPerTick = maxReadPerTick ?? TimeSpan.FromHours(6) },
    };

    // Evaluated as the scheduler does: the settle delay after the due time.
    private async Task<CheckpointEvaluation> EvaluateAsync(CheckpointEvaluator evaluator, CheckpointEvaluationRequest request)
    {
        _clock.SetUtcNow(request.Window.DueAt.AddSeconds(10));
        return await evaluator.EvaluateAsync(request);
    }

    private static CheckpointEvaluationRequest Checkpoint(CheckpointWindow window) =>
        new("rollout-1", 0, Phase, CheckpointScenario.Checkpoint, window);

    private static string TimeFrom(DateTimeOffset from) =>
        string.Create(CultureInfo.InvariantCulture, $"time >= {from.ToUnixTimeMilliseconds()}ms");

    private static string Json(CheckpointEvaluation evaluation) => JsonSerializer.Serialize(evaluation, CheckpointVerdictStore.Json);
}
