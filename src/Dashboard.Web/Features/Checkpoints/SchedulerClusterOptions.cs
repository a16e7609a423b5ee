namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// The <c>Scheduler</c> section: how Quartz's cluster finds a dead instance when the state store is PostgreSQL
/// (docs/high-availability.md, "Quartz runs clustered"). Each instance records that it is alive every
/// <see cref="CheckinInterval"/>; one that has not for <see cref="CheckinInterval"/> plus
/// <see cref="CheckinMisfireThreshold"/> is taken for dead, and a survivor recovers its triggers on its own next
/// check-in. Unused on SQLite, which runs one unclustered instance.
/// </summary>
public sealed class SchedulerClusterOptions
{
    public const string Section = "Scheduler";

    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(10);
}
