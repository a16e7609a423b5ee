using System.Text.Json;
using Dashboard.Core.Audit;
using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Rollouts.Components;

/// <summary>
/// The rollout's audit events, newest first, re-read whenever <see cref="Revision"/> changes, with a
/// button that verifies the whole hash chain and a link to the JSON export.
/// </summary>
public sealed partial class AuditTrailPanel
{
    /// <summary>How many of the newest events show before "Show all".</summary>
    public const int NewestShown = 25;

    private IReadOnlyList<AuditEntry> _events = [];
    private bool _showAll;
    private AuditVerification? _verification;
    private object? _loadedRevision;

    [Inject]
    public required AuditLog AuditLog { get; init; }

    [Parameter, EditorRequired]
    public Guid RolloutId { get; set; }

    /// <summary>Anything that changes when the rollout changed (its version and traffic changes); a new value reloads the log.</summary>
    [Parameter]
    public object? Revision { get; set; }

    private string ExportHref => $"{RolloutEndpoints.RolloutsPath}/{RolloutId}/events";

    protected override async Task OnParametersSetAsync()
    {
        if (Equals(_loadedRevision, Revision) && _events.Count > 0)
        {
            return;
        }

        _loadedRevision = Revision;
        _events = [.. (await AuditLog.ReadAsync(RolloutId)).OrderByDescending(e => e.Sequence).Select(AuditEntry.From)];
        _verification = null;
    }

    private async Task VerifyAsync() => _verification = await AuditLog.VerifyAsync();

    private sealed record AuditEntry(long Sequence, DateTimeOffset At, string Actor, string Kind, string? Reason)
    {
        public static AuditEntry From(AuditEventRecord record)
        {
            using var payload = JsonDocument.Parse(record.PayloadJson);
            var reason = payload.RootElement.ValueKind == JsonValueKind.Object
                && payload.RootElement.TryGetProperty("reason", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
            return new AuditEntry(record.Sequence, record.At, record.Actor, record.Kind, reason);
        }
    }
}
