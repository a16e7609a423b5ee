namespace Dashboard.Core.Checklists;

/// <summary>
/// Where a checklist stands: each item of the template with its latest tick. Complete when every item's
/// latest tick is a tick — an item that was ticked and then un-ticked is open again.
/// </summary>
public sealed record ChecklistState(ChecklistTemplate Template, IReadOnlyList<ChecklistItemState> Items)
{
    public bool IsComplete => Items.All(item => item.IsTicked);

    public IReadOnlyList<ChecklistItemState> OpenItems => [.. Items.Where(item => !item.IsTicked)];

    /// <summary>
    /// The state after <paramref name="ticks"/> in any order; ticks of items the template does not have are
    /// ignored (the template may have changed since).
    /// </summary>
    public static ChecklistState From(ChecklistTemplate template, IEnumerable<ChecklistTick> ticks)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(ticks);
        var latest = ticks
            .GroupBy(tick => tick.ItemId, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.MaxBy(tick => tick.At)!, StringComparer.Ordinal);
        return new(template, [.. template.Items.Select(item => new ChecklistItemState(item, latest.GetValueOrDefault(item.Id)))]);
    }
}

/// <summary>One item and its latest tick (null when nobody touched it yet).</summary>
public sealed record ChecklistItemState(ChecklistItemTemplate Item, ChecklistTick? Latest)
{
    public bool IsTicked => Latest?.Ticked == true;
}
