using System.Text.Json;
using Dashboard.Core.Audit;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Shared.Components;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Rollouts.Components;

/// <summary>
/// The rollout's audit events, newest first, re-read after every saved change of the rollout, with a
/// button that verifies the whole hash chain (for those who may: it hashes every event, docs/security.md) and a
/// link to the JSON export. A verification stays shown when newer events arrive, and says that they came after
/// it, rather than vanishing under the reader.
/// </summary>
public sealed partial class AuditTrailPanel : IDisposable
{
    private IReadOnlyList<AuditEntry> _events = [];
    private int _page;
    private long? _focusOpened;
    private AuditVerification? _verification;
    private long _verifiedThrough;
    private LiveReload<RolloutChanged>? _live;
    private bool _mayVerify;

    [Inject]
    public required CurrentActor CurrentActor { get; init; }

    [Inject]
    public required AccessAuthorization Authorization { get; init; }

    [Inject]
    public required AuditLog AuditLog { get; init; }

    [Inject]
    public required RolloutChangeFeed Changes { get; init; }

    [Parameter, EditorRequired]
    public Guid RolloutId { get; set; }

    /// <summary>
    /// The event a link points at (<c>?audit={sequence}</c>, e.g. the evidence of a rollback): its page opens and
    /// the row is marked.
    /// </summary>
    [SupplyParameterFromQuery(Name = "audit")]
    public long? Focus { get; set; }

    private string ExportHref => $"{RolloutEndpoints.RolloutsPath}/{RolloutId}/events";

    protected override async Task OnInitializedAsync()
    {
        _live = new(Changes, change => change.RolloutId == RolloutId, LoadAsync, InvokeAsync, StateHasChanged, DispatchExceptionAsync);
        _mayVerify = AccessRules.Allows(await CurrentActor.GetAsync(), Operation.VerifyAuditChain);
    }

    // A link to another entry of the same rollout keeps the page and changes the query: open the entry's page.
    protected override async Task OnParametersSetAsync()
    {
        await _live!.ReloadForAsync(RolloutId);
        OpenFocusedPage();
    }

    public void Dispose() => _live?.Dispose();

    private async Task LoadAsync()
    {
        _events = [.. (await AuditLog.ReadAsync(RolloutId)).OrderByDescending(e => e.Sequence).Select(AuditEntry.From)];
        OpenFocusedPage();
    }

    private void OpenFocusedPage()
    {
        if (Focus is { } focus && Focus != _focusOpened && _events.ToList().FindIndex(e => e.Sequence == focus) is >= 0 and var index)
        {
            _page = index / HistoryPager.DefaultPageSize;
            _focusOpened = focus;
        }
    }

    private async Task VerifyAsync()
    {
        // Roles are read afresh: one taken away since the page opened hides the button, and the refusal is audited.
        if (await Authorization.RequireAsync(await CurrentActor.GetAsync(), Operation.VerifyAuditChain, RolloutId) is not null)
        {
            _mayVerify = false;
            return;
        }

        _verification = await AuditLog.VerifyAsync();
        _verifiedThrough = _events.Count > 0 ? _events[0].Sequence : 0;
    }

    /// <summary>Events of this rollout saved after the chain was verified: not covered by the result shown.</summary>
    private int NewerThanVerification => _events.Count(e => e.Sequence > _verifiedThrough);

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
