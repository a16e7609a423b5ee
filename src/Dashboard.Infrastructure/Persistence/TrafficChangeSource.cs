namespace Dashboard.Infrastructure.Persistence;

/// <summary>Where a traffic change came from; stored by name.</summary>
public enum TrafficChangeSource
{
    Ui,
    Api,
    Automation,
    Reconcile,
}
