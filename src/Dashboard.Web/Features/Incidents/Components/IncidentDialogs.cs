using Dashboard.Web.Shared;

namespace Dashboard.Web.Features.Incidents.Components;

/// <summary>What the incident dialogs show when the service refused.</summary>
internal static class IncidentDialogs
{
    public static string Refusal(Outcome<IncidentView> outcome) =>
        outcome.Problems.Count > 0
            ? string.Join(" ", outcome.Problems.Select(p => $"{p.Key}: {string.Join("; ", p.Value)}."))
            : outcome.Detail ?? "The incident could not be saved.";
}
