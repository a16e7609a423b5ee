namespace Dashboard.Core.Checklists;

/// <summary>
/// The runbooks' pre-flight checklists, referenced by the built-in plans' gates: the canary's GO/NO-GO
/// (readiness to ramp), the tiered plan's hold at 50 %, and the final sign-off of a full rollout.
/// </summary>
public static class BuiltInChecklists
{
    public static ChecklistTemplate CanaryGoNoGo { get; } = new(
        "canary-go-no-go",
        "Pre-ramp readiness",
        [
            new("canary-stable", "Canary stable: every checkpoint of the canary passed and no critical incident is open"),
            new("dashboards-verified", "Dashboards verified: baseline and canary visible per segment and region, thresholds shown"),
            new("on-call-confirmed", "On-call for the ramp confirmed, primary and secondary"),
            new("channels-tested", "Communication channels tested: war-room chat, status page, stakeholder list"),
            new("escalation-confirmed", "Escalation paths confirmed for engineering, operations, product and finance"),
            new("rollback-verified", "Rollback path verified: the router answers and a return to 0 % takes seconds"),
        ]);

    public static ChecklistTemplate TierHoldGoNoGo { get; } = new(
        "tier-hold-go-no-go",
        "Hold at 50 % readiness",
        [
            new("tiers-stable", "Tiers 10 %, 25 % and 50 % stable: every checkpoint passed, no open critical incident"),
            new("capacity-confirmed", "Capacity confirmed for 75 % and more of learners on the candidate"),
            new("business-reviewed", "Business metrics reviewed: revenue per learner and completion rate against baseline"),
            new("on-call-confirmed", "On-call for the next tiers confirmed"),
            new("escalation-confirmed", "Escalation paths confirmed for engineering, operations, product and finance"),
        ]);

    public static ChecklistTemplate RolloutFinalSignOff { get; } = new(
        "rollout-final-sign-off",
        "Pre-rollout and final sign-off readiness",
        [
            new("rollout-stable", "Full rollout stable for its window: every checkpoint passed, no open critical incident"),
            new("memory-cache-checked", "Memory stable and cache efficiency above 75 % since the 2 h checkpoint"),
            new("revenue-confirmed", "Revenue impact confirmed against the plan's target"),
            new("dashboards-verified", "Dashboards and alerts point at the new version only"),
            new("channels-tested", "Communication channels tested and the release announcement ready"),
            new("baseline-retirement-planned", "Retirement of the baseline planned, with a way back kept for the agreed time"),
        ]);

    public static IReadOnlyList<ChecklistTemplate> All { get; } = [CanaryGoNoGo, TierHoldGoNoGo, RolloutFinalSignOff];

    /// <summary>The template with <paramref name="id"/>, or null.</summary>
    public static ChecklistTemplate? Find(string id) => All.FirstOrDefault(template => template.Id == id);
}
