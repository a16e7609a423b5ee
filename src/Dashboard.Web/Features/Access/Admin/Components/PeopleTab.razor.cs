using Dashboard.Web.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.Access.Admin.Components;

/// <summary>The people table with its dialogs: create, roles, password, unlock, disable and enable.</summary>
public sealed partial class PeopleTab : AdminTab
{
    /// <summary>Everyone, as the page loaded them.</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyList<PersonView> People { get; set; }

    private static string SignIn(PersonView person) =>
        string.Join(", ", person.SignInMethods.Select(method => method == PersonView.SingleSignOn ? "SSO" : "Password"));

    private static string Status(PersonView person) =>
        person.Disabled ? "Disabled"
        : person.LockedUntil is { } until ? $"Locked until {AdminFormat.Time(until)}"
        : "Active";

    private async Task CreateAsync()
    {
        if (await Dialogs.ShowAsync<CreatePersonDialog, PersonView>("New person") is not null)
        {
            await Changed.InvokeAsync();
        }
    }

    private async Task EditRolesAsync(PersonView person)
    {
        var parameters = new DialogParameters<EditRolesDialog> { { d => d.Person, person } };
        if (await Dialogs.ShowAsync<EditRolesDialog, PersonView>($"Roles of {person.UserName}", parameters) is not null)
        {
            await Changed.InvokeAsync();
        }
    }

    private async Task ResetPasswordAsync(PersonView person)
    {
        var parameters = new DialogParameters<ResetPasswordDialog> { { d => d.Person, person } };
        if (await Dialogs.ShowAsync<ResetPasswordDialog, PersonView>($"New password for {person.UserName}", parameters) is not null)
        {
            await Changed.InvokeAsync();
        }
    }

    private Task UnlockAsync(PersonView person) => ConfirmAsync(
        $"Unlock {person.UserName}?", $"{person.DisplayName} may try their password again now.", "Unlock", danger: false,
        async () => await Admin.UnlockAsync(person.Id, await CurrentActor.GetAsync()));

    private Task EnableAsync(PersonView person) => ConfirmAsync(
        $"Enable {person.UserName}?", $"{person.DisplayName} may sign in again, with the roles they hold.", "Enable", danger: false,
        async () => await Admin.SetDisabledAsync(person.Id, disabled: false, await CurrentActor.GetAsync()));

    private Task DisableAsync(PersonView person) => ConfirmAsync(
        $"Disable {person.UserName}?", $"{person.DisplayName} can no longer sign in, and their open sessions end.", "Disable", danger: true,
        async () => await Admin.SetDisabledAsync(person.Id, disabled: true, await CurrentActor.GetAsync()));

    private async Task ConfirmAsync(string title, string message, string confirmLabel, bool danger, Func<Task<Outcome<PersonView>>> change)
    {
        if (await Dialogs.ConfirmAsync(title, message, confirmLabel, danger, change))
        {
            await Changed.InvokeAsync();
        }
    }
}
