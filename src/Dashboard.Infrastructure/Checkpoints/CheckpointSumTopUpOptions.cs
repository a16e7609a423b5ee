namespace Dashboard.Infrastructure.Checkpoints;

/// <summary>
/// The background top-up of settled sums (configuration section <c>CheckpointEvaluation:TopUp</c>; docs/checkpoints.md,
/// "Topping up while the phase runs").
/// </summary>
public sealed class CheckpointSumTopUpOptions
{
    /// <summary>Off: checkpoints still reuse what earlier checkpoints stored, and read the rest themselves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How often each running or held phase run is topped up (default 1 min, one new sample interval). A checkpoint then
    /// reads from InfluxDB at most about <c>ReuseAfter</c> plus this.
    /// </summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The most a tick reads per phase run (default 6 h): a phase run that is far behind (after a restart, or stored
    /// sums that were pruned) catches up over several ticks instead of in one long read.
    /// </summary>
    public TimeSpan MaxReadPerTick { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// Stored sums of a phase run are deleted this long after it ended (default 2 days): later summaries and checkpoints of
    /// an ended run are rare, and after that they read InfluxDB in full.
    /// </summary>
    public TimeSpan KeepEndedFor { get; set; } = TimeSpan.FromDays(2);
}
