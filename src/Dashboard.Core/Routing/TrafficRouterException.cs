namespace Dashboard.Core.Routing;

/// <summary>
/// A traffic router refused a command, answered something unexpected, or could not be reached in
/// time. <see cref="RouterMessage"/> is the router's own text (e.g. HAProxy's "No such server.")
/// when it gave one, so the UI and the audit log can show it verbatim.
/// </summary>
public sealed class TrafficRouterException : Exception
{
    public TrafficRouterException()
    {
    }

    public TrafficRouterException(string message)
        : base(message)
    {
    }

    public TrafficRouterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TrafficRouterException(string message, string? routerMessage, Exception? innerException = null)
        : base(message, innerException)
    {
        RouterMessage = routerMessage;
    }

    public string? RouterMessage { get; }
}
