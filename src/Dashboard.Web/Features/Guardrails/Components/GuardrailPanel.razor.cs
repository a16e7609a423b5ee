using System.Globalization;
using Dashboard.Core.Guardrails;
using Dashboard.Core.Metrics;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Guardrails.Components;

/// <summary>
/// The rollout page's view of its guardrails: each trigger and contingency rule; for a rule judged by the sequential test
/// its evidence meter (<see cref="EvidenceMeter"/>), for a rule judged on window values its live value over the guardrail
/// window and its streak ("2 of 3 polls"), NO DATA where a value is missing.
/// </summary>
public sealed partial class GuardrailPanel
{
    /// <summary>The rollout shown.</summary>
    [Parameter]
    public Guid RolloutId { get; set; }

    private RolloutGuardrails? Rollout => Status.Rollouts.FirstOrDefault(r => r.RolloutId == RolloutId);

    private static string ValuesText(GuardrailRuleStatus rule) => rule.Reading == GuardrailReading.NotApplicable
        ? NotApplicable
        : string.Join(", ", rule.Values.Select(v => v.Value is { } value && !double.IsNaN(value)
            ? string.Create(CultureInfo.InvariantCulture, $"{value:0.###} {Unit(v.Key)}").TrimEnd()
            : "NO DATA"));

    // A rule judged by the sequential test acts on the poll its test proves a regression; a value rule after its streak.
    private string ActsText(RolloutGuardrails rollout) => rollout.Rules.Any(rule => rule.Evidence is { Count: > 0 })
        ? string.Create(CultureInfo.InvariantCulture, $"evidence rules act on the poll their test proves a regression, value rules after {Status.ConsecutiveBreaches} polls in a row")
        : string.Create(CultureInfo.InvariantCulture, $"acts after {Status.ConsecutiveBreaches} polls in a row");

    private static string StreakText(GuardrailRuleStatus rule) => rule.Reading switch
    {
        GuardrailReading.NoData => string.Create(CultureInfo.InvariantCulture, $"{rule.Streak} of {rule.Required} polls · NO DATA (kept)"),
        GuardrailReading.NotApplicable => NotApplicable,
        _ => string.Create(CultureInfo.InvariantCulture, $"{rule.Streak} of {rule.Required} polls"),
    };

    // No baseline runs beside a canary at 100 %: a comparison with it cannot exist (docs/guardrails.md, "At 100 %").
    private const string NotApplicable = "not applicable at 100 % (no baseline)";

    private static string Unit(string metric) => MetricCatalog.Find(metric)?.Unit ?? string.Empty;
}
