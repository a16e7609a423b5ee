using System.Text.Json.Serialization;

namespace Dashboard.Core.Statistics;

/// <summary>Which null distribution of U a p-value or confidence interval was read from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NullDistribution>))]
public enum NullDistribution
{
    /// <summary>The exact distribution: no ties and both samples of at most 49 values.</summary>
    Exact,

    /// <summary>The normal approximation with continuity and tie correction.</summary>
    NormalApproximation,
}
