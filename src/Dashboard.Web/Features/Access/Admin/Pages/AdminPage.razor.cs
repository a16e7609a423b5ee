using Dashboard.Web.Shared;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Access.Admin.Pages;

/// <summary>
/// People, API keys and kiosk links, for admins. Everything goes through <see cref="AccessAdminService"/>, which
/// decides: anyone else who opens the page is refused there (and audited) and sees one sentence.
/// </summary>
public sealed partial class AdminPage
{
    private bool _refused;
    private IReadOnlyList<PersonView>? _people;
    private IReadOnlyList<ApiKeyView>? _keys;
    private IReadOnlyList<KioskLinkView>? _links;

    [Inject]
    public required AccessAdminService Admin { get; init; }

    [Inject]
    public required CurrentActor CurrentActor { get; init; }

    protected override async Task OnInitializedAsync()
    {
        await ReloadPeopleAsync();
        if (!_refused)
        {
            await ReloadKeysAsync();
            await ReloadLinksAsync();
        }
    }

    private async Task ReloadPeopleAsync() => _people = Read(await Admin.ListPeopleAsync(await CurrentActor.GetAsync()));

    private async Task ReloadKeysAsync() => _keys = Read(await Admin.ListApiKeysAsync(await CurrentActor.GetAsync()));

    private async Task ReloadLinksAsync() => _links = Read(await Admin.ListKioskLinksAsync(await CurrentActor.GetAsync()));

    private T? Read<T>(Outcome<T> outcome)
        where T : class
    {
        _refused |= outcome.Kind != OutcomeKind.Succeeded;
        return outcome.Value;
    }
}
