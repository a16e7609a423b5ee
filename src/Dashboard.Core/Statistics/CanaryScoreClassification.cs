using System.Text.Json.Serialization;

namespace Dashboard.Core.Statistics;

/// <summary>The overall statistical verdict on a canary, from its score.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CanaryScoreClassification>))]
public enum CanaryScoreClassification
{
    /// <summary>No metric had data to compare: inconclusive, never a pass.</summary>
    NoData,

    /// <summary>Score at or above the pass score, and no critical metric failed.</summary>
    Pass,

    /// <summary>Score at or above the marginal score but below the pass score.</summary>
    Marginal,

    /// <summary>Score below the marginal score, or a critical metric did not pass.</summary>
    Fail,
}
