using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Guardrails.Components;

/// <summary>
/// The war room's compact evidence meter (docs/guardrails.md, "Evidence meter"): one line per rule of the followed rollout
/// — its state as a chip, its condition and key number ("Error rate &gt; 1.5 % · call in about 40 s") — then one line for
/// the other watched rollouts, counted by state. Large enough to read across a room; the numbers behind it are on the rollout page.
/// </summary>
public sealed partial class WarRoomGuardrails
{
    /// <summary>The rollout the war room follows; the first watched one when null. A followed rollout the guardrails do not
    /// watch now (its phase awaits sign-off, or it ended) has no lines of its own: the others are still counted.</summary>
    [Parameter]
    public Guid? RolloutId { get; set; }

    private RolloutGuardrails? Followed => RolloutId is { } id
        ? Status.Rollouts.FirstOrDefault(r => r.RolloutId == id)
        : Status.Rollouts.Count > 0 ? Status.Rollouts[0] : null;

    private List<RolloutGuardrails> Others => [.. Status.Rollouts.Where(r => r.RolloutId != Followed?.RolloutId)];

    // "Also watched · checkout 2.1.0: 1 regressing · 2 not enough evidence yet; search 1.4.0: 4 clear".
    private string OthersText => "Also watched · " + string.Join("; ", Others.Select(OtherText));

    // "checkout 2.1.0: 1 regressing · 2 not enough evidence yet · 1 healthy", in that order.
    private static string OtherText(RolloutGuardrails rollout)
    {
        var decisions = rollout.Rules.Select(RuleDecision.Of).ToList();
        var counts = decisions.GroupBy(d => d.Label, StringComparer.Ordinal)
            .OrderBy(g => Severity(g.First().Tone))
            .Select(g => $"{g.Count()} {g.Key.ToLowerInvariant()}");
        return $"{rollout.Service} {rollout.CandidateVersion}: {string.Join(" · ", counts)}";
    }

    private static int Severity(DecisionTone tone) => tone switch
    {
        DecisionTone.Regressing => 0,
        DecisionTone.Undecided => 1,
        DecisionTone.NoData => 2,
        _ => 3,
    };
}
