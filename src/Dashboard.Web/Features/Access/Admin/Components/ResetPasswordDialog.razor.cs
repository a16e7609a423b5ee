using Dashboard.Web.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Access.Admin.Components;

/// <summary>Sets a new password for a person through <see cref="AccessAdminService"/>.</summary>
public sealed partial class ResetPasswordDialog : AdminDialog
{
    private string? _password;

    [Inject]
    public required IOptions<AccessOptions> Options { get; init; }

    /// <summary>The person whose password is reset.</summary>
    [Parameter, EditorRequired]
    public required PersonView Person { get; set; }

    protected override bool CanConfirm => !string.IsNullOrEmpty(_password);

    private Task ResetAsync() => ConfirmAsync(async () =>
    {
        var outcome = await Admin.ResetPasswordAsync(Person.Id, new ResetPasswordRequest(_password), await CurrentActor.GetAsync());
        return outcome is { Kind: OutcomeKind.Succeeded, Value: { } person }
            ? (person, null)
            : (null, AdminFormat.Refusal(outcome, "The password could not be reset."));
    });
}
