using System.Text.Json.Serialization;

namespace Dashboard.Web.Features.TrafficDrift;

/// <summary>What a comparison of the router's actual split with the recorded weight found.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrafficDriftKind>))]
public enum TrafficDriftKind
{
    /// <summary>No check has finished since the app started.</summary>
    NotChecked,

    /// <summary>The router runs exactly the weight the rollout of record wants.</summary>
    InSync,

    /// <summary>The router runs something else; nothing was overwritten, a person may reconcile.</summary>
    Drifted,

    /// <summary>No rollout has started, so no weight is recorded; the router's split is shown as it is.</summary>
    NothingRecorded,

    /// <summary>The router refused or did not answer; its message is in the report.</summary>
    RouterUnreadable,

    /// <summary>The state store could not be read, so the recorded weight is unknown.</summary>
    StateUnreadable,
}
