using Dashboard.Core.Metrics;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Guardrails.Sequential;

/// <summary>
/// Judges a phase run's count-ratio conditions interval by interval (docs/guardrails.md,
/// "Sequential judge"): each condition's absolute limit by a <see cref="ProportionSequence"/> on
/// the canary, and each bad-event signal by a <see cref="RateRatioTest"/> of canary against
/// baseline over the same intervals. Pure and clock-free: it is fed per-interval totals, so replaying
/// a phase run's intervals rebuilds it exactly. One judge per phase run (a new weight starts a new
/// judge). Not thread-safe: one poller owns it.
/// </summary>
public sealed class SequentialJudge
{
    private readonly List<CountRatioLimit> _rules = [];
    private readonly List<MetricCondition> _unjudged = [];
    private readonly Dictionary<(CountSignal Signal, double Limit), ProportionSequence> _limits = [];
    private readonly Dictionary<CountSignal, RateRatioTest> _comparisons = [];

    /// <param name="settings">α, tolerance, the detectable ratio and the minimum-evidence floor.</param>
    /// <param name="conditions">The phase's conditions; those that are not count ratios are left to the value rules.</param>
    /// <param name="lateStarts">Where the comparative tests also start afresh; none when null.</param>
    public SequentialJudge(SequentialSettings settings, IEnumerable<MetricCondition> conditions, LateStarts? lateStarts = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(conditions);
        if (settings.Validate() is [var first, ..])
        {
            throw new ArgumentException(first, nameof(settings));
        }

        foreach (var condition in conditions)
        {
            if (CountRatioLimit.TryFrom(condition) is not { } rule)
            {
                _unjudged.Add(condition);
                continue;
            }

            _rules.Add(rule);
            foreach (var signal in new[] { rule.BreachSignal, rule.HealthSignal }.OfType<CountSignal>())
            {
                _limits.TryAdd((signal, rule.Limit), new ProportionSequence(rule.Limit, settings));
            }

            if (rule.ComparativeSignal is { } compared)
            {
                _comparisons.TryAdd(compared, new RateRatioTest(settings, lateStarts));
            }
        }
    }

    /// <summary>Adds one interval of both cohorts (null: the cohort wrote nothing) and returns the verdicts after it.</summary>
    /// <param name="duration">The interval's length.</param>
    /// <param name="canary">The canary's totals over the interval.</param>
    /// <param name="baseline">The baseline's totals over the same interval.</param>
    public SequentialJudgement Observe(TimeSpan duration, WindowTotals? canary, WindowTotals? baseline)
    {
        foreach (var ((signal, _), sequence) in _limits)
        {
            sequence.Add(signal.Read(canary, DataFlaw.NoCanaryData));
        }

        foreach (var (signal, test) in _comparisons)
        {
            test.Add(signal.Read(canary, DataFlaw.NoCanaryData), signal.Read(baseline, DataFlaw.NoBaselineData), duration);
        }

        return Judge();
    }

    /// <summary>The verdicts so far, without adding data.</summary>
    public SequentialJudgement Judge()
    {
        var verdicts = new List<SequentialRuleVerdict>(_rules.Count);
        foreach (var rule in _rules)
        {
            var breach = rule.BreachSignal is { } b ? _limits[(b, rule.Limit)].Verdict() : null;
            var health = rule.HealthSignal is { } h ? _limits[(h, rule.Limit)].Verdict() : null;
            var comparative = rule.ComparativeSignal is { } c ? _comparisons[c].Verdict() : null;
            var breached = breach is not null && (rule.BreachAbove ? breach.ProvenAboveLimit : breach.ProvenBelowLimit);
            var healthy = health is not null && (rule.BreachAbove ? health.ProvenBelowLimit : health.ProvenAboveLimit);
            var state = breached || comparative?.State == SequentialState.Regressing ? SequentialState.Regressing
                : healthy ? SequentialState.Healthy
                : SequentialState.NotEnoughEvidence;
            verdicts.Add(new SequentialRuleVerdict(rule, state, breach, health, comparative));
        }

        return new SequentialJudgement(verdicts, _unjudged);
    }
}
