namespace Dashboard.Core.Guardrails.Sequential;

/// <summary>
/// What the comparative test says now: the state, the rate ratio canary / baseline with its
/// confidence sequence (<see cref="Lower"/> 0 and <see cref="Upper"/> null when unbounded), the
/// evidence against H0 (ln of the mixture, rejecting at <see cref="LogThreshold"/> = ln 1/α), the
/// events seen, how many events and how long until a regression of the plan's size would be called
/// at the current rates (null while unknown), the intervals ignored by flaw, and how far into the test the
/// starting point lies that carries most of the evidence (zero: the first interval; see <see cref="LateStarts"/>).
/// </summary>
public sealed record RateRatioVerdict(
    SequentialState State,
    double? Estimate,
    double Lower,
    double? Upper,
    double LogEvidence,
    double LogThreshold,
    long CanaryTrials,
    long CanaryEvents,
    long BaselineTrials,
    long BaselineEvents,
    double? ExpectedEventsToCall,
    TimeSpan? ExpectedTimeToCall,
    IReadOnlyDictionary<DataFlaw, int> Ignored,
    TimeSpan EvidenceSince = default);
