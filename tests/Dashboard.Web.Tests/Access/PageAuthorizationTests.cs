using System.Reflection;
using Dashboard.Web.Features.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Tests.Access;

/// <summary>
/// Every routable page says who may open it, so a new page cannot be open to everyone by accident: the sign-in
/// pages are anonymous, /warroom takes kiosk screens too, every other page needs a signed-in person or key.
/// </summary>
public sealed class PageAuthorizationTests
{
    private static readonly string[] AnonymousPages = ["/sign-in", "/setup", "/access-denied"];

    private static IEnumerable<(Type Page, string Route)> Pages() =>
        typeof(Program).Assembly.GetTypes()
            .Where(type => typeof(IComponent).IsAssignableFrom(type))
            .SelectMany(type => type.GetCustomAttributes<RouteAttribute>().Select(route => (type, route.Template)));

    [Fact]
    public void EveryPage_DeclaresWhoMayOpenIt()
    {
        var pages = Pages().ToList();

        Assert.NotEmpty(pages);
        Assert.All(pages, page => Assert.True(
            page.Page.GetCustomAttribute<AuthorizeAttribute>() is not null || page.Page.GetCustomAttribute<AllowAnonymousAttribute>() is not null,
            $"{page.Page.Name} ({page.Route}) has neither [Authorize] nor [AllowAnonymous]"));
    }

    [Fact]
    public void OnlyTheSignInPages_AreAnonymous()
    {
        var anonymous = Pages().Where(page => page.Page.GetCustomAttribute<AllowAnonymousAttribute>() is not null).Select(page => page.Route).Order(StringComparer.Ordinal);

        Assert.Equal(AnonymousPages.Order(StringComparer.Ordinal), anonymous);
    }

    [Fact]
    public void OnlyTheWarRoom_AcceptsKioskScreens()
    {
        var screens = Pages().Where(page => page.Page.GetCustomAttribute<AuthorizeAttribute>()?.Policy == AccessPolicies.Screen).Select(page => page.Route);

        Assert.Equal(["/warroom"], screens);
        Assert.All(
            Pages().Where(page => page.Route != "/warroom" && page.Page.GetCustomAttribute<AuthorizeAttribute>() is { } authorize),
            page => Assert.True(page.Page.GetCustomAttribute<AuthorizeAttribute>()!.Policy is null or AccessPolicies.Member or AccessPolicies.Admin, page.Route));
    }
}
