namespace Dashboard.Infrastructure.Routing;

/// <summary>Which <c>ITrafficRouter</c> the app uses (<c>Routing:Kind</c>).</summary>
public enum RoutingKind
{
    /// <summary>The demo's own split: the simulated volumes follow it; no real traffic moves.</summary>
    BuiltIn,

    /// <summary>A real HAProxy, driven through its runtime API.</summary>
    Haproxy,
}
