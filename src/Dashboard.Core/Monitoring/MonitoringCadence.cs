namespace Dashboard.Core.Monitoring;

/// <summary>How often a rollout's health is checked outside its checkpoints (docs/monitoring.md).</summary>
public enum MonitoringCadence
{
    /// <summary>Every few seconds during the first 36 h after a rollout started.</summary>
    Intensive,

    /// <summary>Close monitoring: 08:00 and 16:00 UTC, every day.</summary>
    Close,

    /// <summary>Standard monitoring: daily at 09:00 UTC.</summary>
    Daily,

    /// <summary>Standard monitoring: the weekly review, Friday 10:00 UTC.</summary>
    Weekly,
}
