using System.Globalization;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Monitoring;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared.Components;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Monitoring.Pages;

/// <summary>
/// Every recorded health check, newest first, <see cref="PageSize"/> a page, filtered by cadence, rollout and
/// verdict (also from the query string: <c>/health-checks?cadence=Close&amp;rolloutId=…&amp;verdict=Fail</c>).
/// Re-read whenever a check is saved, so the list is live without reloading; the page stays the same height
/// however many checks the cadences record (docs/monitoring.md).
/// </summary>
public sealed partial class HealthChecksPage : IDisposable
{
    private const string All = "";
    /// <summary>Checks a page shows: a screen or two of rows.</summary>
    public const int PageSize = 25;
    private LiveReload<HealthCheckSaved>? _live;
    private IReadOnlyList<HealthCheckView>? _checks;
    private int _total;
    private int _page = 1;
    private IReadOnlyList<RolloutView> _rollouts = [];
    private string _cadence = All;
    private string _rolloutId = All;
    private string _verdict = All;

    [Inject]
    public required HealthCheckService HealthChecks { get; init; }

    [Inject]
    public required RolloutService Rollouts { get; init; }

    [Inject]
    public required HealthCheckFeed Feed { get; init; }

    [SupplyParameterFromQuery(Name = "cadence")]
    public string? CadenceFilter { get; set; }

    [SupplyParameterFromQuery(Name = "rolloutId")]
    public string? RolloutFilter { get; set; }

    [SupplyParameterFromQuery(Name = "verdict")]
    public string? VerdictFilter { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _live = new(Feed, _ => true, LoadAsync, InvokeAsync, StateHasChanged, DispatchExceptionAsync);
        _cadence = Enum.TryParse<MonitoringCadence>(CadenceFilter, ignoreCase: true, out var cadence) ? cadence.ToString() : All;
        _rolloutId = Guid.TryParse(RolloutFilter, out var rolloutId) ? rolloutId.ToString() : All;
        _verdict = Enum.TryParse<Verdict>(VerdictFilter, ignoreCase: true, out var verdict) ? verdict.ToString() : All;
        _rollouts = await Rollouts.ListAsync();
        await ReloadAsync();
    }

    private int PageCount => Math.Max(1, (_total + PageSize - 1) / PageSize);

    private string RangeText => _total == 0
        ? string.Empty
        : string.Create(CultureInfo.InvariantCulture, $"Checks {(_page - 1) * PageSize + 1}–{(_page - 1) * PageSize + _checks!.Count} of {_total}, newest first");

    private Task OnCadenceChangedAsync(string value)
    {
        _cadence = value;
        return FirstPageAsync();
    }

    private Task OnRolloutChangedAsync(string value)
    {
        _rolloutId = value;
        return FirstPageAsync();
    }

    private Task OnVerdictChangedAsync(string value)
    {
        _verdict = value;
        return FirstPageAsync();
    }

    private Task OnPageChangedAsync(int page)
    {
        _page = page;
        return ReloadAsync();
    }

    private Task FirstPageAsync()
    {
        _page = 1;
        return ReloadAsync();
    }

    private Task ReloadAsync() => _live!.ReloadAsync();

    private async Task LoadAsync()
    {
        var query = new HealthCheckQuery(
            _cadence.Length == 0 ? null : Enum.Parse<MonitoringCadence>(_cadence),
            _rolloutId.Length == 0 ? null : Guid.Parse(_rolloutId),
            _verdict.Length == 0 ? null : Enum.Parse<Verdict>(_verdict),
            PageSize);
        _total = await HealthChecks.CountAsync(query);
        // Checks pruned meanwhile can leave the page past the end: show the last page instead of an empty one.
        _page = Math.Min(_page, PageCount);
        _checks = await HealthChecks.ListAsync(query with { Skip = (_page - 1) * PageSize });
    }

    private string RolloutName(Guid id) =>
        _rollouts.FirstOrDefault(r => r.Id == id) is { } rollout ? $"{rollout.Service} {rollout.CandidateVersion}" : id.ToString("N")[..8];

    private static string MetricTitle(HealthCheckMetricView metric) =>
        $"{(metric.Rule == HealthCheckRule.RollbackTrigger ? "rollback trigger" : "criterion")} {metric.Condition}{(metric.Note is { } note ? $" — {note}" : null)}";

    private static string WindowText(HealthCheckView check) =>
        string.Create(CultureInfo.InvariantCulture, $"{check.WindowStart:MMM d HH:mm:ss} – {check.WindowEnd:HH:mm:ss} ({AgeText.Format(check.WindowEnd - check.WindowStart)})");

    public void Dispose() => _live?.Dispose();
}
