using System.Text.Json.Serialization;

namespace Dashboard.Core.Statistics;

/// <summary>The statistical verdict on one metric, with Kayenta's labels.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MetricClassification>))]
public enum MetricClassification
{
    /// <summary>Canary or baseline had fewer finite samples than the minimum: never a pass.</summary>
    NoData,

    /// <summary>No harmful shift beyond the tolerance at the configured confidence.</summary>
    Pass,

    /// <summary>Canary is higher than baseline and an increase is harmful: a failure.</summary>
    High,

    /// <summary>Canary is lower than baseline and a decrease is harmful: a failure.</summary>
    Low,
}
