using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.ShiftReview.Components;

/// <summary>
/// The summary of [<see cref="ReviewWindowPanel.From"/>, <see cref="ReviewWindowPanel.To"/>): each rollout at the start
/// and at the end, the counts and the worst moment with its links. Re-read after every saved change of any rollout.
/// </summary>
public sealed partial class ShiftSummaryPanel
{
    private ShiftSummary? _summary;

    [Inject]
    public required ShiftSummaryService Summaries { get; init; }

    protected override async Task LoadAsync(DateTimeOffset from, DateTimeOffset to, bool again) => _summary = await Summaries.BuildAsync(from, to);

    private static string Describe(RolloutStateInWords? state) => state switch
    {
        null => "not created yet",
        { Phase: null } => state.State,
        _ => string.Create(CultureInfo.InvariantCulture, $"{state.State} in '{state.Phase}' at {state.CanaryPercent} % canary"),
    };
}
