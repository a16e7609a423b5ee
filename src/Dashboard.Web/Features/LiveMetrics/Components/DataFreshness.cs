namespace Dashboard.Web.Features.LiveMetrics.Components;

/// <summary>
/// How old the values on screen are at <see cref="Now"/>, and whether they must be shown as stale.
/// </summary>
/// <param name="Now">The moment this was evaluated.</param>
/// <param name="Age">Time since the last successful poll; null before the first one.</param>
/// <param name="IsStale">True when the poller reports a failure or its data is overdue.</param>
/// <param name="Reason">Why the data is stale, for the banner; null when fresh.</param>
public sealed record DataFreshness(DateTimeOffset Now, TimeSpan? Age, bool IsStale, string? Reason)
{
    /// <summary>How many poll intervals may pass without new data before the page says so itself.</summary>
    public const int MissedPollsBeforeStale = 2;

    /// <summary>A placeholder for components rendered before any state was evaluated.</summary>
    public static DataFreshness NotEvaluated { get; } = new(DateTimeOffset.MinValue, null, IsStale: false, Reason: null);

    public bool HasData => Age is not null;

    /// <summary>"42 s" or null before the first successful poll.</summary>
    public string? AgeText => Age is { } age ? Dashboard.Web.Shared.Components.AgeText.Format(age) : null;

    public static DataFreshness Evaluate(LiveDashboardState state, DateTimeOffset now, TimeSpan pollInterval)
    {
        ArgumentNullException.ThrowIfNull(state);
        TimeSpan? age = state.LastSuccessAt is { } at ? TimeSpan.FromTicks(Math.Max(0, (now - at).Ticks)) : null;
        if (state.StaleReason is { } reason)
        {
            return new DataFreshness(now, age, IsStale: true, reason);
        }

        // The poller cannot report its own hang or death: overdue data is stale too.
        if (age is { } overdue && overdue > pollInterval * MissedPollsBeforeStale)
        {
            return new DataFreshness(now, age, IsStale: true, $"No new data for {Dashboard.Web.Shared.Components.AgeText.Format(overdue)}");
        }

        return new DataFreshness(now, age, IsStale: false, Reason: null);
    }
}
