using Dashboard.Core.Rollouts;

namespace Dashboard.Web.Features.Reasons;

/// <summary>
/// Why a rollout is where it is — held, waiting for sign-off, rolled back, aborted or completed — as the
/// state store recorded it: who acted, in their words, when, and where the evidence is.
/// </summary>
/// <param name="RolloutId">The rollout.</param>
/// <param name="Service">Its service, for screens that follow one of several rollouts.</param>
/// <param name="CandidateVersion">The version it rolls out.</param>
/// <param name="Status">The rollout's state.</param>
/// <param name="PhaseState">The current phase's state (tells "awaiting sign-off" from "running").</param>
/// <param name="Phase">The current phase's name.</param>
/// <param name="Actor">Who acted, as the audit log names them: "erin", "api key 'ci'", "automation (guardrails)".</param>
/// <param name="ByAutomation">True when the app acted by itself; its words are a rule and its values, not a person's.</param>
/// <param name="Words">The reason recorded with the action; "no reason was recorded" when none was.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="EvidenceHref">The checkpoint page behind a checkpoint's decision, otherwise the audit entry on the rollout page.</param>
/// <param name="EvidenceLabel">"checkpoint 1h of phase 'canary'", "audit entry #14".</param>
public sealed record RolloutReason(
    Guid RolloutId,
    string Service,
    string CandidateVersion,
    RolloutStatus Status,
    PhaseState PhaseState,
    string Phase,
    string Actor,
    bool ByAutomation,
    string Words,
    DateTimeOffset At,
    string EvidenceHref,
    string EvidenceLabel);
