namespace Dashboard.Core.Guardrails.Sequential;

/// <summary>
/// A proportion judged against a limit: the estimate (null before any trial) with its confidence
/// sequence [<see cref="Lower"/>, <see cref="Upper"/>], and whether the whole sequence lies above or
/// below the limit (only once the minimum-evidence floor is met). Both false: not enough evidence yet.
/// </summary>
public sealed record ProportionVerdict(
    double Limit,
    double? Estimate,
    double Lower,
    double Upper,
    long Trials,
    long Events,
    bool ProvenAboveLimit,
    bool ProvenBelowLimit,
    IReadOnlyDictionary<DataFlaw, int> Ignored);
