namespace Dashboard.Core.Guardrails;

/// <summary>
/// Counts consecutive breached polls per rollout and rule. A clean poll resets the rule's streak;
/// a poll without data leaves it exactly as it was — it neither extends a streak (the breach is not
/// seen) nor ends one (health is not seen either), so a gap in the data can delay an action but
/// never cancels one; a rule not applicable (no baseline at 100 %) keeps it too. A new phase run (another phase, or a retry) starts every streak from zero.
/// Not thread-safe: one poller owns it.
/// </summary>
public sealed class GuardrailStreaks
{
    private readonly Dictionary<Guid, (string PhaseRun, Dictionary<string, GuardrailStreak> Rules)> rollouts = [];

    /// <summary>Adds one poll's observations and returns every rule's streak after it, in the observations' order.</summary>
    /// <param name="rolloutId">The rollout.</param>
    /// <param name="phaseRun">Names the phase run, e.g. phase index and start time; when it changes the streaks restart.</param>
    /// <param name="observations">This poll's readings.</param>
    /// <param name="at">When the poll was taken; a new streak starts then.</param>
    public IReadOnlyList<GuardrailStreak> Record(Guid rolloutId, string phaseRun, IReadOnlyList<GuardrailObservation> observations, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var rules = RulesOf(rolloutId, phaseRun);
        var after = new List<GuardrailStreak>(observations.Count);
        foreach (var observation in observations)
        {
            var id = observation.Rule.Id;
            var streak = rules.TryGetValue(id, out var known) ? known : GuardrailStreak.None(id);
            streak = observation.Reading switch
            {
                GuardrailReading.Breached => streak with { Count = streak.Count + 1, Since = streak.Since ?? at },
                GuardrailReading.Clean => GuardrailStreak.None(id),
                _ => streak,
            };
            rules[id] = streak;
            after.Add(streak);
        }

        return after;
    }

    /// <summary>The current streak of a rule (zero when unknown).</summary>
    public GuardrailStreak Of(Guid rolloutId, string ruleId) =>
        rollouts.TryGetValue(rolloutId, out var known) && known.Rules.TryGetValue(ruleId, out var streak) ? streak : GuardrailStreak.None(ruleId);

    /// <summary>Records that the rule's action was taken, so the same streak does not act again.</summary>
    public void MarkActedOn(Guid rolloutId, string ruleId)
    {
        if (rollouts.TryGetValue(rolloutId, out var known) && known.Rules.TryGetValue(ruleId, out var streak))
        {
            known.Rules[ruleId] = streak with { ActedOn = true };
        }
    }

    /// <summary>The rollout's phase run and streaks, as <see cref="Restore"/> takes them back; null when nothing is known.</summary>
    public PhaseRunStreaks? Export(Guid rolloutId) =>
        rollouts.TryGetValue(rolloutId, out var known) ? new PhaseRunStreaks(known.PhaseRun, [.. known.Rules.Values.OrderBy(s => s.RuleId, StringComparer.Ordinal)]) : null;

    /// <summary>Replaces what is known of the rollout with <paramref name="streaks"/> (kept from an earlier poll, maybe by another process).</summary>
    public void Restore(Guid rolloutId, PhaseRunStreaks streaks)
    {
        ArgumentNullException.ThrowIfNull(streaks);
        rollouts[rolloutId] = (streaks.PhaseRun, streaks.Rules.ToDictionary(s => s.RuleId, StringComparer.Ordinal));
    }

    /// <summary>Drops rollouts no longer watched (finished, or gone).</summary>
    public void KeepOnly(IReadOnlySet<Guid> watched)
    {
        ArgumentNullException.ThrowIfNull(watched);
        foreach (var id in rollouts.Keys.Where(id => !watched.Contains(id)).ToList())
        {
            rollouts.Remove(id);
        }
    }

    private Dictionary<string, GuardrailStreak> RulesOf(Guid rolloutId, string phaseRun)
    {
        if (rollouts.TryGetValue(rolloutId, out var known) && string.Equals(known.PhaseRun, phaseRun, StringComparison.Ordinal))
        {
            return known.Rules;
        }

        var fresh = new Dictionary<string, GuardrailStreak>(StringComparer.Ordinal);
        rollouts[rolloutId] = (phaseRun, fresh);
        return fresh;
    }
}
