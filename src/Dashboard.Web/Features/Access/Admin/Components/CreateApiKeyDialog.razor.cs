using Dashboard.Web.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using static Dashboard.Web.Features.Access.Admin.AccessAdminFields;

namespace Dashboard.Web.Features.Access.Admin.Components;

/// <summary>
/// Creates an API key through <see cref="AccessAdminService"/>; closes with the <see cref="CreatedApiKey"/> whose token the
/// page shows once. The expiry is typed (yyyy-MM-dd): a day that does not parse, is not after today or is beyond the
/// longest lifetime is refused beside the field, never moved to the nearest allowed day.
/// </summary>
public sealed partial class CreateApiKeyDialog : AdminDialog
{
    private const int DefaultDays = 90;
    private static readonly HashSet<string> FieldNames = [NameField, RolesField, ExpiresAtField];
    private string? _name;
    private IReadOnlySet<WarRoomRole> _roles = new HashSet<WarRoomRole>();
    private string? _expires;
    private int _maxDays;

    [Inject]
    public required IOptions<AccessOptions> Options { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    protected override IReadOnlySet<string> Fields => FieldNames;

    protected override bool CanConfirm => NameProblem is null && ExpiresProblem is null;

    private string? NameProblem => Message(NameField, ProblemWithName(_name));

    private string? ExpiresProblem => Message(ExpiresAtField, AdminFormat.TryParseDay(_expires, out var at)
        ? ProblemWithApiKeyExpiry(at, Clock.GetUtcNow(), Options.Value.MaxApiKeyLifetime)
        : AdminFormat.NotADay);

    private string? NameError => ProblemBeside(NameField, _name, NameProblem);

    private string? ExpiresError => ProblemBeside(ExpiresAtField, _expires, ExpiresProblem);

    private string? RolesError => ProblemBeside(RolesField, null, null);

    protected override void OnInitialized()
    {
        // A usable default, shown as text the person can change: 90 days, or the longest lifetime when that is shorter.
        var now = Clock.GetUtcNow();
        var lifetime = Options.Value.MaxApiKeyLifetime;
        _maxDays = (int)lifetime.TotalDays;
        var lastDay = (now + lifetime).UtcDateTime.Date;
        var preferred = now.UtcDateTime.Date.AddDays(DefaultDays);
        _expires = AdminFormat.Day(preferred < lastDay ? preferred : lastDay);
    }

    private Task CreateAsync() => SubmitAsync(
        actor => Admin.CreateApiKeyAsync(
            new CreateApiKeyRequest(_name, [.. _roles.Select(role => role.ToString())], AdminFormat.TryParseDay(_expires, out var at) ? at : null), actor),
        OutcomeKind.Created, "The key could not be created.");
}
