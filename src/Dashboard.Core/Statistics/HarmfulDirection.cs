using System.Text.Json.Serialization;

namespace Dashboard.Core.Statistics;

/// <summary>
/// Which change of a metric hurts (Kayenta's metric "direction"): latency and errors hurt when
/// they increase, availability and revenue when they decrease. A change the other way passes.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<HarmfulDirection>))]
public enum HarmfulDirection
{
    Increase,
    Decrease,
    Either,
}
