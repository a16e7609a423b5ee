using Dashboard.Core.Metrics;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Guardrails.Sequential;

/// <summary>
/// The sequential judges of one phase run, fed one grid cell at a time (docs/guardrails.md, "Sequential judge",
/// "Evidence over a long phase"). One cumulative test would let hours of healthy traffic dilute a regression
/// that starts late, so the evidence is counted in overlapping epochs: a new <see cref="SequentialJudge"/>
/// starts every half <c>horizon</c> and each lives one <c>horizon</c>, so at any time one epoch holds at least
/// half a horizon of evidence and none holds more than a horizon. Epoch m (0, 1, 2 … from the first cell) tests
/// at α·6/(π²(m+1)²); these sum to α, so the false-alarm probability over the whole phase run, every epoch
/// and every look included, stays at most α. Within its first half horizon, each epoch's comparative tests also
/// start afresh at <see cref="LateStarts"/> (about every 30 s), so a regression that begins minutes into an epoch
/// is not diluted by the health before it (docs/guardrails.md, "A regression that starts late").
/// <para>
/// Cells lie on a fixed grid (multiples of the cell width since the Unix epoch) and epochs start at fixed
/// cells, so the judges can be rebuilt exactly by replaying the cells of the live epochs
/// (<see cref="ResumeFrom"/>): the state lives in the time-series store, not in this process.
/// Not thread-safe: one poller owns it.
/// </para>
/// </summary>
public sealed class EvidenceTrack
{
    private readonly SequentialSettings _settings;
    private readonly IReadOnlyList<MetricCondition> _conditions;
    private readonly TimeSpan _cell;
    private readonly TimeSpan _horizon;
    private readonly LateStarts _lateStarts;
    private readonly DateTimeOffset _firstCell;
    private readonly List<(int Index, DateTimeOffset Start, SequentialJudge Judge)> _epochs = [];
    private readonly Dictionary<MetricCondition, DateTimeOffset> _healthyAt = [];

    /// <param name="settings">The judge's settings; <see cref="SequentialSettings.Alpha"/> is spent over the epochs.</param>
    /// <param name="conditions">The phase's conditions; those that are not count ratios are left to the value rules.</param>
    /// <param name="judgedFrom">Where the phase run's judged data begins (<see cref="GuardrailWindow.JudgedFrom"/>).</param>
    /// <param name="cell">The grid's cell width: the point interval.</param>
    /// <param name="horizon">How long an epoch lives; a new one starts every half horizon.</param>
    /// <param name="resumeAt">Where feeding starts: the first cell (null), or a later cell when rebuilding (<see cref="ResumeFrom"/>).</param>
    /// <param name="lateStarts">Each epoch's later starting points (null: <see cref="LateStarts.Within"/> its first half horizon).</param>
    public EvidenceTrack(
        SequentialSettings settings,
        IEnumerable<MetricCondition> conditions,
        DateTimeOffset judgedFrom,
        TimeSpan cell,
        TimeSpan horizon,
        DateTimeOffset? resumeAt = null,
        LateStarts? lateStarts = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentOutOfRangeException.ThrowIfLessThan(cell, TimeSpan.FromSeconds(1));
        if (horizon < 2 * cell || horizon.Ticks % (2 * cell.Ticks) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "The horizon must be a whole, even number of cells.");
        }

        if (settings.Validate() is [var first, ..])
        {
            throw new ArgumentException(first, nameof(settings));
        }

        _settings = settings;
        _conditions = [.. conditions];
        Unjudged = [.. _conditions.Where(condition => CountRatioLimit.TryFrom(condition) is null)];
        _cell = cell;
        _horizon = horizon;
        _lateStarts = lateStarts ?? LateStarts.Within((int)(horizon / 2 / cell));
        _firstCell = CellAtOrAfter(judgedFrom, cell);
        JudgedFrom = judgedFrom;
        FedUntil = resumeAt is { } resume && resume > _firstCell ? CellAtOrAfter(resume, cell) : _firstCell;
    }

    public DateTimeOffset JudgedFrom { get; }

    /// <summary>The start of the next cell to feed; every cell before it (from the oldest live epoch on) was fed.</summary>
    public DateTimeOffset FedUntil { get; private set; }

    /// <summary>The cell width.</summary>
    public TimeSpan Cell => _cell;

    /// <summary>
    /// Where a rebuilt track starts feeding so that, once fed up to <paramref name="edge"/>, it holds the same
    /// judges as one fed from the start: the start of the oldest epoch still alive at <paramref name="edge"/>.
    /// </summary>
    public static DateTimeOffset ResumeFrom(DateTimeOffset judgedFrom, DateTimeOffset edge, TimeSpan cell, TimeSpan horizon)
    {
        var first = CellAtOrAfter(judgedFrom, cell);
        var half = horizon / 2;
        if (edge <= first + horizon)
        {
            return first;
        }

        // The newest epoch that started at or before the edge; the one before it is the oldest still alive.
        var newest = (long)Math.Floor((edge - first) / half);
        var oldestAlive = Math.Max(0, newest - 1);
        return first + (half * oldestAlive);
    }

    /// <summary>The first grid cell starting at or after <paramref name="time"/>.</summary>
    public static DateTimeOffset CellAtOrAfter(DateTimeOffset time, TimeSpan cell)
    {
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var remainder = ticks % cell.Ticks;
        return remainder == 0 ? time.ToUniversalTime() : time.ToUniversalTime().AddTicks(cell.Ticks - remainder);
    }

    /// <summary>Feeds the cell starting at <see cref="FedUntil"/> (null: the cohort wrote nothing in it) and returns <see cref="Judge"/> after it.</summary>
    public IReadOnlyList<ConditionEvidence> Observe(WindowTotals? canary, WindowTotals? baseline)
    {
        var start = FedUntil;
        var half = _horizon / 2;
        var index = (int)((start - _firstCell) / half);
        _epochs.RemoveAll(epoch => start >= epoch.Start + _horizon);
        if (_epochs.Count == 0 || _epochs[^1].Index < index)
        {
            var epochStart = _firstCell + (half * index);
            _epochs.Add((index, epochStart, new SequentialJudge(_settings with { Alpha = AlphaOf(index) }, _conditions, _lateStarts)));
        }

        foreach (var epoch in _epochs)
        {
            epoch.Judge.Observe(_cell, canary, baseline);
        }

        FedUntil = start + _cell;
        var judged = Judge();
        foreach (var evidence in judged.Where(evidence => evidence.State == SequentialState.Healthy))
        {
            _healthyAt[evidence.Condition] = FedUntil;
        }

        return [.. judged.Select(evidence => evidence.State == SequentialState.Healthy ? evidence with { HealthyProvenAt = FedUntil } : evidence)];
    }

    /// <summary>The α epoch <paramref name="index"/> tests at: α·6/(π²(index+1)²).</summary>
    public double AlphaOf(int index) => _settings.Alpha * 6 / (Math.PI * Math.PI * (index + 1.0) * (index + 1.0));

    /// <summary>The conditions the judge cannot read as count ratios (left to the value rules).</summary>
    public IReadOnlyList<MetricCondition> Unjudged { get; }

    /// <summary>
    /// Each count-ratio condition's evidence now: a regressing epoch's verdict if any epoch proves a regression,
    /// else a healthy epoch's, else the oldest live epoch's (the most evidence). Empty before the first cell.
    /// </summary>
    public IReadOnlyList<ConditionEvidence> Judge()
    {
        if (_epochs.Count == 0)
        {
            return [];
        }

        var judgements = _epochs.Select(epoch => (epoch.Start, Rules: epoch.Judge.Judge().Rules)).ToList();
        var result = new List<ConditionEvidence>(judgements[0].Rules.Count);
        for (var i = 0; i < judgements[0].Rules.Count; i++)
        {
            var candidates = judgements.Select(judgement => (judgement.Start, Verdict: judgement.Rules[i])).ToList();
            var chosen = candidates.FirstOrDefault(c => c.Verdict.State == SequentialState.Regressing) is { Verdict: not null } regressing ? regressing
                : candidates.FirstOrDefault(c => c.Verdict.State == SequentialState.Healthy) is { Verdict: not null } healthy ? healthy
                : candidates[0];
            var condition = chosen.Verdict.Rule.Condition;
            result.Add(new ConditionEvidence(condition, chosen.Verdict, chosen.Start, _healthyAt.TryGetValue(condition, out var at) ? at : null));
        }

        return result;
    }
}
