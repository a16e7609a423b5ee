using System.Globalization;
using Dashboard.Core.Monitoring;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared.Components;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Monitoring.Components;

/// <summary>
/// On the rollout page: the rollout's newest health check of each cadence and when the next of each
/// is due (Quartz's own next fire time; intensive checks only until the rollout's intensive period
/// ends). Re-read whenever a check of this rollout is saved.
/// </summary>
public sealed partial class LatestHealthChecksPanel : IDisposable
{
    private LiveReload<HealthCheckSaved>? _live;
    private IReadOnlyList<HealthCheckView> _latest = [];
    private IReadOnlyList<HealthCheckScheduleView> _schedule = [];

    [Inject]
    public required HealthCheckService HealthChecks { get; init; }

    [Inject]
    public required MonitoringScheduler Schedule { get; init; }

    [Inject]
    public required HealthCheckFeed Feed { get; init; }

    [Inject]
    public required IOptions<MonitoringOptions> Options { get; init; }

    [Inject]
    public required IOptions<RolloutClockOptions> Clock { get; init; }

    [Inject]
    public required TimeProvider TimeProvider { get; init; }

    [Parameter, EditorRequired]
    public Guid RolloutId { get; set; }

    /// <summary>When the rollout started (null: not yet), to tell whether intensive checks still run.</summary>
    [Parameter]
    public DateTimeOffset? StartedAt { get; set; }

    protected override void OnInitialized() =>
        _live = new(Feed, saved => saved.RolloutId == RolloutId, LoadAsync, InvokeAsync, StateHasChanged, DispatchExceptionAsync);

    // Read for a new rollout, when it starts and when a check is saved, not on every render of the page: the page
    // re-renders while the state store is away too (a notice that an action was saved), and a read then would break the circuit.
    protected override Task OnParametersSetAsync() => _live!.ReloadForAsync((RolloutId, StartedAt));

    /// <summary>The text is made at render, so "until …" and "over" follow the clock between reads.</summary>
    private IReadOnlyList<Row> Rows
    {
        get
        {
            var period = new IntensivePeriod(Options.Value.IntensiveDuration, Clock.Value.TimeScale);
            return [.. _schedule.Select(s => new Row(s.Cadence, _latest.FirstOrDefault(l => l.Cadence == s.Cadence), NextText(s, period)))];
        }
    }

    private async Task LoadAsync()
    {
        _latest = await HealthChecks.LatestPerCadenceAsync(RolloutId);
        _schedule = await Schedule.ReadAsync();
    }

    private string NextText(HealthCheckScheduleView schedule, IntensivePeriod period)
    {
        if (!schedule.Enabled || schedule.NextDueAt is not { } next)
        {
            return "off";
        }

        if (schedule.Cadence != MonitoringCadence.Intensive)
        {
            return next.ToString("ddd MMM d HH:mm", CultureInfo.InvariantCulture);
        }

        return StartedAt is { } started && period.Covers(started, TimeProvider.GetUtcNow())
            ? string.Create(CultureInfo.InvariantCulture, $"{next:HH:mm:ss}, every {AgeText.Format(schedule.Interval ?? TimeSpan.Zero)} until {period.EndsAt(started):MMM d HH:mm}")
            : StartedAt is null ? "from the start" : "over (the intensive period ended)";
    }

    public void Dispose() => _live?.Dispose();

    private sealed record Row(MonitoringCadence Cadence, HealthCheckView? Latest, string Next);
}
