using Dashboard.Web.Features.LiveMetrics.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Demo.Components;

/// <summary>
/// Injects and clears faults in the demo simulator's canary through <see cref="DemoFaultService"/>,
/// the same path as the REST API. Renders nothing unless the demo is enabled.
/// </summary>
public sealed partial class FaultPanel : IDisposable
{
    private static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(1);

    private DemoFaultBoard? _board;
    private DemoFaultService? _service;
    private string? _problem;
    private ITimer? _ticker;
    private IReadOnlyList<DemoFault> _active = [];
    private FaultKind _kind = FaultKind.ErrorSpike;
    private double _magnitude = FaultDescriptions.DefaultMagnitude(FaultKind.ErrorSpike);
    private int _durationMinutes = 5;

    [Inject]
    public required IServiceProvider Services { get; init; }

    [Inject]
    public required TimeProvider TimeProvider { get; init; }

    private bool CanInject => _magnitude > 0 && _durationMinutes > 0;

    protected override void OnInitialized()
    {
        if (Services.GetService<IOptions<DemoOptions>>()?.Value.Enabled != true)
        {
            return;
        }

        _board = Services.GetRequiredService<DemoFaultBoard>();
        _service = Services.GetRequiredService<DemoFaultService>();

        _active = _board.Active;
        _board.Changed += OnBoardChanged;
        // Remaining times tick, and expired faults drop off the list without any change event.
        _ticker = TimeProvider.CreateTimer(_ => OnBoardChanged(), null, TickInterval, TickInterval);
    }

    private void OnBoardChanged() => _ = InvokeAsync(() =>
    {
        _active = _board?.Active ?? [];
        StateHasChanged();
    });

    private void SelectKind(FaultKind kind)
    {
        _kind = kind;
        _magnitude = FaultDescriptions.DefaultMagnitude(kind);
    }

    private void Inject()
    {
        if (!CanInject || _service is null)
        {
            return;
        }

        var injection = _service.Inject(DemoFaultRequest.For(_kind, _magnitude, TimeSpan.FromMinutes(_durationMinutes)));
        _problem = injection.Succeeded ? null : string.Join(" ", injection.Problems.Values.SelectMany(p => p));
    }

    private void Clear(Guid id) => _service?.Clear(id);

    private void ClearAll() => _service?.ClearAll();

    private string Remaining(DemoFault fault) =>
        AgeText.Format(fault.EndsAt - TimeProvider.GetUtcNow());

    public void Dispose()
    {
        if (_board is not null)
        {
            _board.Changed -= OnBoardChanged;
        }

        _ticker?.Dispose();
    }
}
