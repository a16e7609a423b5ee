using Dashboard.Web.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Access.Admin.Components;

/// <summary>Creates a person through <see cref="AccessAdminService"/>; closes with the new <see cref="PersonView"/>, or shows every problem the server found.</summary>
public sealed partial class CreatePersonDialog : AdminDialog
{
    private string? _userName;
    private string? _displayName;
    private string? _password;
    private IReadOnlySet<WarRoomRole> _roles = new HashSet<WarRoomRole>();

    [Inject]
    public required IOptions<AccessOptions> Options { get; init; }

    protected override bool CanConfirm =>
        new[] { _userName, _displayName, _password }.All(value => !string.IsNullOrWhiteSpace(value));

    private Task CreateAsync() => ConfirmAsync(async () =>
    {
        var outcome = await Admin.CreatePersonAsync(
            new CreatePersonRequest(_userName, _displayName, _password, [.. _roles.Select(role => role.ToString())]), await CurrentActor.GetAsync());
        return outcome is { Kind: OutcomeKind.Created, Value: { } person }
            ? (person, null)
            : (null, AdminFormat.Refusal(outcome, "The person could not be created."));
    });
}
