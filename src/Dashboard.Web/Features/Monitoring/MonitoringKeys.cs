using Dashboard.Core.Monitoring;
using Quartz;

namespace Dashboard.Web.Features.Monitoring;

/// <summary>Names of the Quartz jobs and triggers of the monitoring cadences: one job and one trigger per cadence, in group "monitoring".</summary>
public static class MonitoringKeys
{
    public const string Group = "monitoring";
    public const string Cadence = "cadence";

    public static JobKey Job(MonitoringCadence cadence) => new($"health-check-{cadence}", Group);

    public static TriggerKey Trigger(MonitoringCadence cadence) => new($"health-check-{cadence}", Group);
}
