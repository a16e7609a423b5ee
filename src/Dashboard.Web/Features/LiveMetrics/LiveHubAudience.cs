namespace Dashboard.Web.Features.LiveMetrics;

/// <summary>Whom a <see cref="LiveHub"/> connection serves; each audience is one SignalR group sent its own shape.</summary>
public enum LiveHubAudience
{
    /// <summary>A kiosk screen (or anyone not known to be a member): only what <c>/warroom</c> shows.</summary>
    Screens,

    /// <summary>A signed-in person or an API key: what the REST API shows them.</summary>
    Members,
}
