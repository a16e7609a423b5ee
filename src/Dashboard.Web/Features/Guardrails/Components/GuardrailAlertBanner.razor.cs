using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Guardrails.Components;

/// <summary>
/// On every page: a large red alert per rollout whose router has not confirmed what a guardrail
/// asked for (which rollout, what failed, since when, the retries), and an amber warning while the
/// guardrails cannot judge a running rollout for lack of data.
/// </summary>
public sealed partial class GuardrailAlertBanner : IDisposable
{
    private GuardrailStatus _status = GuardrailStatus.Initial;

    [Inject]
    public required GuardrailStatusBoard Board { get; init; }

    /// <summary>True on the war-room screen: the alert without buttons.</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    private IEnumerable<RolloutGuardrails> BlindRollouts =>
        _status.Rollouts.Where(r => r.State == nameof(Core.Rollouts.PhaseState.Running) && r.BlindSince is not null);

    protected override void OnInitialized()
    {
        _status = Board.Current;
        Board.Changed += OnStatusChanged;
    }

    // Raised on the polling thread: hop onto the circuit before touching state.
    private void OnStatusChanged(GuardrailStatus status) => _ = InvokeAsync(() =>
    {
        _status = status;
        StateHasChanged();
    });

    private string BlindText(RolloutGuardrails rollout) =>
        _status.BlindReason is { } reason
            ? char.ToUpperInvariant(reason[0]) + reason[1..]
            : $"No data for {string.Join(", ", rollout.BlindMetrics)}";

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public void Dispose() => Board.Changed -= OnStatusChanged;
}
