namespace Dashboard.Core.Plans;

/// <summary>
/// "When every condition holds, do this." Several conditions express a band, e.g. error rate
/// &gt; 0.1 % and ≤ 0.5 %. A phase's rules are tried in order and the first match wins.
/// </summary>
public sealed record ContingencyRule(IReadOnlyList<MetricCondition> When, ContingencyAction Then)
{
    /// <summary>True when every condition holds for the values <paramref name="valueOf"/> supplies by metric key.</summary>
    public bool Matches(Func<string, double?> valueOf)
    {
        ArgumentNullException.ThrowIfNull(valueOf);
        return When.Count > 0 && When.All(condition => condition.IsMetBy(valueOf(condition.Metric)));
    }
}
