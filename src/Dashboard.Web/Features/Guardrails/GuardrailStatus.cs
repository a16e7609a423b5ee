namespace Dashboard.Web.Features.Guardrails;

/// <summary>
/// What the guardrails know after their latest poll (<c>GET /api/guardrails/status</c>, pushed to every page).
/// </summary>
/// <param name="LastPollAt">When the latest poll ran; null before the first.</param>
/// <param name="NewestPointAt">The newest point the poll's snapshot saw; null when it saw none or could not read.</param>
/// <param name="DataAgeSeconds">How old that point was at the poll.</param>
/// <param name="WindowSeconds">The window the poll judged (it grows for a thin canary).</param>
/// <param name="ConsecutiveBreaches">Polls in a row a breach must last.</param>
/// <param name="BlindReason">Why the poll had no usable data (InfluxDB failing, no or stale data); null when it had.</param>
/// <param name="Rollouts">Every watched rollout with its rules and streaks.</param>
/// <param name="Alerts">Rollouts whose router has not confirmed the weight a guardrail action asked for.</param>
/// <param name="ValueRulesWaiting">Why the rules judged on the window's values (revenue …) read "not enough evidence yet"
/// (a window too thin or too young); null when they are judged.</param>
public sealed record GuardrailStatus(
    DateTimeOffset? LastPollAt,
    DateTimeOffset? NewestPointAt,
    double? DataAgeSeconds,
    int WindowSeconds,
    int ConsecutiveBreaches,
    string? BlindReason,
    IReadOnlyList<RolloutGuardrails> Rollouts,
    IReadOnlyList<RouterAlert> Alerts,
    string? ValueRulesWaiting = null)
{
    public static GuardrailStatus Initial { get; } = new(null, null, null, 0, 0, null, [], []);
}
