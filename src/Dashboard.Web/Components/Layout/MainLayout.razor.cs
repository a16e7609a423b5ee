using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace Dashboard.Web.Components.Layout;

/// <summary>
/// The signed-in pages' frame. The layout outlives each page, so the phone's pages menu would stay open over the
/// page its link opened (and take the next tap meant for that page): it closes whenever the location changes.
/// </summary>
public sealed partial class MainLayout : IDisposable
{
    private MudMenu? _pagesMenu;

    [Inject]
    public required NavigationManager Navigation { get; init; }

    protected override void OnInitialized() => Navigation.LocationChanged += OnLocationChanged;

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) =>
        _ = InvokeAsync(() => _pagesMenu?.CloseMenuAsync() ?? Task.CompletedTask);

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;
}
