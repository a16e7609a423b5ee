using Dashboard.Web.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Access.Admin.Components;

/// <summary>Creates an API key through <see cref="AccessAdminService"/>; closes with the <see cref="CreatedApiKey"/> whose token the page shows once.</summary>
public sealed partial class CreateApiKeyDialog : AdminDialog
{
    private const int DefaultDays = 90;
    private string? _name;
    private IReadOnlySet<WarRoomRole> _roles = new HashSet<WarRoomRole>();
    private DateTime? _expires;
    private DateTime _firstDay;
    private DateTime _lastDay;
    private int _maxDays;

    [Inject]
    public required IOptions<AccessOptions> Options { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    protected override bool CanConfirm => !string.IsNullOrWhiteSpace(_name) && _expires is not null;

    protected override void OnInitialized()
    {
        var now = Clock.GetUtcNow();
        var lifetime = Options.Value.MaxApiKeyLifetime;
        _maxDays = (int)lifetime.TotalDays;
        _firstDay = now.UtcDateTime.Date.AddDays(1);
        _lastDay = (now + lifetime).UtcDateTime.Date;
        var preferred = now.UtcDateTime.Date.AddDays(DefaultDays);
        _expires = preferred < _lastDay ? preferred : _lastDay;
    }

    private Task CreateAsync() => ConfirmAsync(async () =>
    {
        var outcome = await Admin.CreateApiKeyAsync(
            new CreateApiKeyRequest(_name, [.. _roles.Select(role => role.ToString())], AdminFormat.StartOfUtcDay(_expires!.Value)),
            await CurrentActor.GetAsync());
        return outcome is { Kind: OutcomeKind.Created, Value: { } created }
            ? (created, null)
            : (null, AdminFormat.Refusal(outcome, "The key could not be created."));
    });
}
