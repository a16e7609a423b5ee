using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Health.Components;

/// <summary>
/// On every page (both layouts): which shared dependency this instance cannot reach and what it means for the page —
/// one line each, nothing while all answer, so the war room still fits its screen (docs/high-availability.md#bus).
/// </summary>
public sealed partial class DependencyBanner : IDisposable
{
    private IReadOnlyList<DependencyProblem> _problems = [];

    [Inject]
    public required DependencyWatch Watch { get; init; }

    protected override void OnInitialized()
    {
        _problems = Watch.Problems;
        Watch.Changed += OnChanged;
    }

    public void Dispose() => Watch.Changed -= OnChanged;

    private static string TitleOf(string check) => check switch
    {
        "redis" => "Redis unreachable",
        _ => "State store unreachable",
    };

    private static string ConsequenceOf(string check) => check switch
    {
        "redis" => "changes saved on other instances reach this page once it is back",
        _ => "nothing can be saved, and this page shows what was last read",
    };

    // Raised on the checking thread: hop onto the circuit before touching state.
    private void OnChanged(IReadOnlyList<DependencyProblem> problems) => _ = InvokeAsync(() =>
    {
        _problems = problems;
        StateHasChanged();
    });
}
