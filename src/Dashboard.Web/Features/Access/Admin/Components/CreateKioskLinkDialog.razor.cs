using Dashboard.Web.Shared;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Access.Admin.Components;

/// <summary>Creates a kiosk link through <see cref="AccessAdminService"/>; closes with the <see cref="IssuedKioskLink"/> whose URL the page shows.</summary>
public sealed partial class CreateKioskLinkDialog : AdminDialog
{
    private string? _name;
    private DateTime? _expires;
    private DateTime _firstDay;

    [Inject]
    public required TimeProvider Clock { get; init; }

    protected override bool CanConfirm => !string.IsNullOrWhiteSpace(_name);

    protected override void OnInitialized() => _firstDay = Clock.GetUtcNow().UtcDateTime.Date.AddDays(1);

    private Task CreateAsync() => ConfirmAsync(async () =>
    {
        DateTimeOffset? expires = _expires is { } day ? AdminFormat.StartOfUtcDay(day) : null;
        var outcome = await Admin.CreateKioskLinkAsync(new CreateKioskLinkRequest(_name, expires), await CurrentActor.GetAsync());
        return outcome is { Kind: OutcomeKind.Created, Value: { } issued }
            ? (issued, null)
            : (null, AdminFormat.Refusal(outcome, "The kiosk link could not be created."));
    });
}
