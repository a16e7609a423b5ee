using Dashboard.Core.Monitoring;

namespace Dashboard.Web.Features.Monitoring;

/// <summary>
/// The <c>Monitoring</c> section: which cadences run, and the intensive cadence's rhythm, window,
/// period and record keeping (docs/monitoring.md). The calendar times themselves are the runbooks' and
/// live in <see cref="CadenceCalendar"/>.
/// </summary>
public sealed class MonitoringOptions
{
    public const string SectionName = "Monitoring";

    public bool IntensiveEnabled { get; set; } = true;

    public bool CloseEnabled { get; set; } = true;

    public bool DailyEnabled { get; set; } = true;

    public bool WeeklyEnabled { get; set; } = true;

    /// <summary>How often an intensive check runs.</summary>
    public TimeSpan IntensiveInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The metrics an intensive check judges: the last minute, since 5 s at 1 % traffic are too few requests.</summary>
    public TimeSpan IntensiveWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long after a rollout starts it is checked intensively (planned time: scaled by <c>Rollout:TimeScale</c>).</summary>
    public TimeSpan IntensiveDuration { get; set; } = TimeSpan.FromHours(36);

    /// <summary>An intensive PASS is stored only when the rollout's previous intensive record is not a PASS or is this old; every other verdict is stored.</summary>
    public TimeSpan IntensivePassEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Intensive records older than this are deleted (checked at most hourly); calendar checks are kept.</summary>
    public TimeSpan RetainIntensiveFor { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Data whose newest point is older than this when a check runs is stale: NO_DATA.</summary>
    public TimeSpan MaxDataAge { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsEnabled(MonitoringCadence cadence) => cadence switch
    {
        MonitoringCadence.Intensive => IntensiveEnabled,
        MonitoringCadence.Close => CloseEnabled,
        MonitoringCadence.Daily => DailyEnabled,
        MonitoringCadence.Weekly => WeeklyEnabled,
        _ => false,
    };
}
