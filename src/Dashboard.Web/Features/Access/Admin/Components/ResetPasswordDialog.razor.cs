using Dashboard.Web.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using static Dashboard.Web.Features.Access.Admin.AccessAdminFields;

namespace Dashboard.Web.Features.Access.Admin.Components;

/// <summary>Sets a new password for a person through <see cref="AccessAdminService"/>; a too-short password is marked as it is typed.</summary>
public sealed partial class ResetPasswordDialog : AdminDialog
{
    private static readonly HashSet<string> FieldNames = [PasswordField];
    private string? _password;

    [Inject]
    public required IOptions<AccessOptions> Options { get; init; }

    /// <summary>The person whose password is reset.</summary>
    [Parameter, EditorRequired]
    public required PersonView Person { get; set; }

    protected override IReadOnlySet<string> Fields => FieldNames;

    protected override bool CanConfirm => PasswordProblem is null;

    private string? PasswordProblem => Message(PasswordField, PersonRules.ProblemWithPassword(_password, Options.Value.MinPasswordLength));

    private string? PasswordError => ProblemBeside(PasswordField, _password, PasswordProblem);

    private Task ResetAsync() => SubmitAsync(
        actor => Admin.ResetPasswordAsync(Person.Id, new ResetPasswordRequest(_password), actor), OutcomeKind.Succeeded, "The password could not be reset.");
}
