namespace Dashboard.Infrastructure.Routing;

/// <summary>How traffic between baseline and canary is controlled, bound from the <c>Routing</c> section.</summary>
public sealed class RoutingOptions
{
    public const string SectionName = "Routing";

    public RoutingKind Kind { get; set; } = RoutingKind.BuiltIn;

    /// <summary>Used when <see cref="Kind"/> is <see cref="RoutingKind.Haproxy"/>; ignored otherwise.</summary>
    public HaproxyRoutingOptions Haproxy { get; set; } = new();
}
