using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Summaries.Pages;

/// <summary>
/// One executive summary on one page, for a laptop, a phone and paper (print CSS in <c>css/summaries.css</c>),
/// with its Markdown and JSON exports. Read once: a stored summary never changes, so nothing here is live.
/// </summary>
public sealed partial class SummaryPage
{
    private ExecutiveSummary? _summary;
    private bool _loaded;

    [Parameter]
    public Guid Id { get; set; }

    [Parameter]
    public Guid SummaryId { get; set; }

    [Inject]
    public required SummaryReader Summaries { get; init; }

    protected override async Task OnParametersSetAsync()
    {
        _summary = await Summaries.FindAsync(Id, SummaryId);
        _loaded = true;
    }
}
