using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Shared.Components;

/// <summary>
/// Newer/older buttons under a history list (newest first), so a page shows one page of a list that keeps
/// growing — checkpoints, incidents, traffic changes, audit events — and never grows without bound.
/// </summary>
public sealed partial class HistoryPager
{
    /// <summary>How many items the list has.</summary>
    [Parameter, EditorRequired]
    public int Total { get; set; }

    /// <summary>How many items one page shows.</summary>
    [Parameter]
    public int PageSize { get; set; } = DefaultPageSize;

    /// <summary>The page shown, 0 for the newest.</summary>
    [Parameter]
    public int Page { get; set; }

    [Parameter]
    public EventCallback<int> PageChanged { get; set; }

    /// <summary>The prefix of the pager's <c>data-testid</c> hooks, e.g. "audit-trail".</summary>
    [Parameter, EditorRequired]
    public required string TestId { get; set; }

    /// <summary>The page size of every history list on the rollout page.</summary>
    public const int DefaultPageSize = 10;

    private int LastPage => Math.Max(0, (Total - 1) / PageSize);

    private string RangeText => string.Create(
        CultureInfo.InvariantCulture, $"{(Page * PageSize) + 1}–{Math.Min(Total, (Page + 1) * PageSize)} of {Total}, newest first");

    /// <summary>The items of <paramref name="page"/> of a newest-first list.</summary>
    public static IEnumerable<T> Slice<T>(IEnumerable<T> newestFirst, int page, int pageSize = DefaultPageSize) =>
        newestFirst.Skip(page * pageSize).Take(pageSize);

    private Task GoToAsync(int page) => PageChanged.InvokeAsync(page);
}
