using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Tests.TestSupport;

/// <summary>
/// What bUnit reports as <c>RendererInfo</c>: it has none until a test sets one with
/// <c>BunitContext.SetRendererInfo</c> (reading it throws <c>MissingRendererInfoException</c>).
/// </summary>
internal static class RendererModes
{
    /// <summary>A live circuit: buttons work.</summary>
    public static RendererInfo Interactive { get; } = new("Server", isInteractive: true);

    /// <summary>Static prerendering: nothing can be clicked yet.</summary>
    public static RendererInfo Prerendering { get; } = new("Static", isInteractive: false);
}
