using Dashboard.Core.Metrics;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.BoardHistory.Components;

/// <summary>
/// The desk dashboard (<c>/?at=</c>) as it was at a past moment: the live page's tiles, charts and tables, read once,
/// with no action. A chart range other than the first is read when a person picks it.
/// </summary>
public sealed partial class PastDashboard
{
    private static readonly IReadOnlyDictionary<string, CohortPair> NoRows = new Dictionary<string, CohortPair>();

    // Ranges read when picked, per moment: each is read once however often it is picked again.
    private readonly Dictionary<(DateTimeOffset At, ChartRange Range), ChartSeriesSet> _picked = [];

    [Inject]
    public required BoardHistoryReader Reader { get; init; }

    /// <summary>The moment as the address gives it.</summary>
    [Parameter, EditorRequired]
    public required string At { get; set; }

    /// <summary>The rollout asked for; null follows the one running then.</summary>
    [Parameter]
    public Guid? RolloutId { get; set; }

    private Dictionary<ChartRange, ChartSeriesSet> ChartsOf(BoardAt board) =>
        board.Charts.Concat(_picked.Where(entry => entry.Key.At == board.At).Select(entry => KeyValuePair.Create(entry.Key.Range, entry.Value)))
            .DistinctBy(entry => entry.Key)
            .ToDictionary();

    private async Task ReadRangeAsync(DateTimeOffset at, ChartRange range)
    {
        if (range == BoardHistoryReader.FirstRange || _picked.ContainsKey((at, range)))
        {
            return;
        }

        if (await Reader.ReadChartsAsync(range, at) is { } set)
        {
            _picked[(at, range)] = set;
        }
    }
}
