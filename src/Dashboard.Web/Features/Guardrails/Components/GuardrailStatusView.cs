using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Guardrails.Components;

/// <summary>
/// A component that shows the guardrail status and re-renders on every change the board publishes
/// (after each poll, and whenever a router alert is raised, updated or cleared).
/// </summary>
public abstract class GuardrailStatusView : ComponentBase, IDisposable
{
    [Inject]
    public required GuardrailStatusBoard Board { get; init; }

    protected GuardrailStatus Status { get; private set; } = GuardrailStatus.Initial;

    protected override void OnInitialized()
    {
        Status = Board.Current;
        Board.Changed += OnStatusChanged;
    }

    protected static string Utc(DateTimeOffset? at) => at?.UtcDateTime.ToString("HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "never";

    // Raised on the publishing thread: hop onto the circuit before touching state.
    private void OnStatusChanged(GuardrailStatus status) => _ = InvokeAsync(() =>
    {
        Status = status;
        StateHasChanged();
    });

    public void Dispose()
    {
        Board.Changed -= OnStatusChanged;
        GC.SuppressFinalize(this);
    }
}
