using Dashboard.Web.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using static Dashboard.Web.Features.Access.Admin.AccessAdminFields;

namespace Dashboard.Web.Features.Access.Admin.Components;

/// <summary>Creates a person through <see cref="AccessAdminService"/>; closes with the new <see cref="PersonView"/>, or shows each problem beside its field.</summary>
public sealed partial class CreatePersonDialog : AdminDialog
{
    private static readonly HashSet<string> FieldNames = [UserNameField, DisplayNameField, PasswordField, RolesField];
    private string? _userName;
    private string? _displayName;
    private string? _password;
    private IReadOnlySet<WarRoomRole> _roles = new HashSet<WarRoomRole>();

    [Inject]
    public required IOptions<AccessOptions> Options { get; init; }

    protected override IReadOnlySet<string> Fields => FieldNames;

    protected override bool CanConfirm => UserNameProblem is null && DisplayNameProblem is null && PasswordProblem is null;

    private string? UserNameProblem => Message(UserNameField, PersonRules.ProblemWithUserName(_userName));

    private string? DisplayNameProblem => Message(DisplayNameField, PersonRules.ProblemWithDisplayName(_displayName));

    private string? PasswordProblem => Message(PasswordField, PersonRules.ProblemWithPassword(_password, Options.Value.MinPasswordLength));

    private string? UserNameError => ProblemBeside(UserNameField, _userName, UserNameProblem);

    private string? DisplayNameError => ProblemBeside(DisplayNameField, _displayName, DisplayNameProblem);

    private string? PasswordError => ProblemBeside(PasswordField, _password, PasswordProblem);

    private string? RolesError => ProblemBeside(RolesField, null, null);

    private Task CreateAsync() => SubmitAsync(
        actor => Admin.CreatePersonAsync(new CreatePersonRequest(_userName, _displayName, _password, [.. _roles.Select(role => role.ToString())]), actor),
        OutcomeKind.Created, "The person could not be created.");
}
