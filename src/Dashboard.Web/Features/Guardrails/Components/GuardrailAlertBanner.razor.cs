using Dashboard.Core.Rollouts;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Guardrails.Components;

/// <summary>
/// On every page: a large red alert per rollout whose router has not confirmed what a guardrail
/// asked for (which rollout, what failed, since when, the retries), and an amber warning while the
/// guardrails cannot judge a running rollout for lack of data.
/// </summary>
public sealed partial class GuardrailAlertBanner
{
    /// <summary>True on the war-room screen: the alert without buttons.</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    private IEnumerable<RolloutGuardrails> BlindRollouts =>
        Status.Rollouts.Where(r => r.State == PhaseState.Running && r.BlindSince is not null);

    private string BlindText(RolloutGuardrails rollout) =>
        Status.BlindReason is { } reason
            ? char.ToUpperInvariant(reason[0]) + reason[1..]
            : $"No data for {string.Join(", ", rollout.BlindMetrics)}";
}
