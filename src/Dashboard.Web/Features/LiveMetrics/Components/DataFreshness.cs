namespace Dashboard.Web.Features.LiveMetrics.Components;

/// <summary>
/// How old the values on screen are at <see cref="Now"/>, and whether they must be shown as stale.
/// </summary>
/// <param name="Now">The moment this was evaluated.</param>
/// <param name="Age">
/// How old the newest values are: the age of the newest point the last good poll saw, or the time
/// since that poll when its window held no point; null before the first good poll.
/// </param>
/// <param name="IsStale">True when the poller reports a failure or the newest point is overdue.</param>
/// <param name="Reason">Why the data is stale, for the banner; null when fresh.</param>
public sealed record DataFreshness(DateTimeOffset Now, TimeSpan? Age, bool IsStale, string? Reason)
{
    /// <summary>A placeholder for components rendered before any state was evaluated.</summary>
    public static DataFreshness NotEvaluated { get; } = new(DateTimeOffset.MinValue, null, IsStale: false, Reason: null);

    public bool HasData => Age is not null;

    /// <summary>"42 s" or null before the first successful poll.</summary>
    public string? AgeText => Age is { } age ? Dashboard.Web.Shared.Components.AgeText.Format(age) : null;

    public static DataFreshness Evaluate(LiveDashboardState state, DateTimeOffset now, StalenessRule staleness)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(staleness);
        var newestAt = state.Snapshot?.NewestPointAt ?? state.LastSuccessAt;
        TimeSpan? age = newestAt is { } at ? TimeSpan.FromTicks(Math.Max(0, (now - at).Ticks)) : null;
        if (state.StaleReason is { } reason)
        {
            return new DataFreshness(now, age, IsStale: true, reason);
        }

        // The same rule as the poller's, judged again as the clock moves: the poller cannot report its own hang or death.
        if (newestAt is { } newest && staleness.Judge(newest, now) is { } overdue)
        {
            return new DataFreshness(now, age, IsStale: true, overdue);
        }

        return new DataFreshness(now, age, IsStale: false, Reason: null);
    }
}
