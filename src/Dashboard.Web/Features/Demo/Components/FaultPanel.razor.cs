using Dashboard.Web.Features.Access;
using Dashboard.Web.Shared;
using Dashboard.Web.Shared.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Demo.Components;

/// <summary>
/// Injects and clears faults in the demo simulator's canary through <see cref="DemoFaultService"/>,
/// the same path as the REST API, as the signed-in person; those whose roles do not allow it see the
/// active faults without the controls. Renders nothing unless the demo is enabled.
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
    private Actor _actor = Actor.Anonymous;
    private bool _mayChange;

    [Inject]
    public required IServiceProvider Services { get; init; }

    [Inject]
    public required TimeProvider TimeProvider { get; init; }

    [Inject]
    public required CurrentActor CurrentActor { get; init; }

    private bool CanInject => _magnitude > 0 && _durationMinutes > 0;

    protected override async Task OnInitializedAsync()
    {
        if (Services.GetService<IOptions<DemoOptions>>()?.Value.Enabled != true)
        {
            return;
        }

        _service = Services.GetRequiredService<DemoFaultService>();
        _actor = await CurrentActor.GetAsync();
        _mayChange = AccessRules.Allows(_actor, Operation.InjectFault);

        _board = Services.GetRequiredService<DemoFaultBoard>();
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

    private async Task InjectAsync()
    {
        if (!CanInject || _service is null)
        {
            return;
        }

        var request = DemoFaultRequest.For(_kind, _magnitude, TimeSpan.FromMinutes(_durationMinutes));
        Show(await _service.InjectAsync(request, await CurrentActor.GetAsync()));
    }

    private async Task ClearAsync(Guid id)
    {
        if (_service is not null)
        {
            Show(await _service.ClearAsync(id, await CurrentActor.GetAsync()));
        }
    }

    private async Task ClearAllAsync()
    {
        if (_service is not null)
        {
            Show(await _service.ClearAllAsync(await CurrentActor.GetAsync()));
        }
    }

    /// <summary>Nothing on success; the server's words otherwise (a bad value, a refusal, a fault that already ended).</summary>
    private void Show<T>(Outcome<T> outcome)
        where T : class =>
        _problem = outcome.Kind switch
        {
            OutcomeKind.Created or OutcomeKind.Succeeded => null,
            OutcomeKind.Invalid => string.Join(" ", outcome.Problems.Values.SelectMany(p => p)),
            _ => outcome.Detail,
        };

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
