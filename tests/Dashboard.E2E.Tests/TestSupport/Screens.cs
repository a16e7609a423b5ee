using Microsoft.Playwright;

namespace Dashboard.E2E.Tests.TestSupport;

/// <summary>The screens the phone and laptop checks use (docs/accessibility.md).</summary>
public static class Screens
{
    /// <summary>A 390×844 touch phone at twice the pixel density.</summary>
    public static BrowserNewContextOptions Phone => new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2 };

    /// <summary>A 1600×1000 laptop window.</summary>
    public static BrowserNewContextOptions Laptop => new() { ViewportSize = new() { Width = 1600, Height = 1000 } };
}
