namespace Dashboard.Web.Shared.Live;

/// <summary>
/// Carries the feeds' news between the instances of one deployment (docs/high-availability.md#bus). A feed tells its own
/// subscribers first, then publishes here; a handler receives only what OTHER instances published, so nobody hears
/// their own news twice. Alone (no <c>Bus:Redis</c>) nothing leaves the process and nothing arrives.
/// </summary>
public interface IInstanceBus
{
    /// <summary>
    /// Sends <paramref name="message"/> to the other instances on <paramref name="channel"/>. Never throws and never waits
    /// for the network. The latest message per <paramref name="key"/> is kept (a bounded number) and sent again when the
    /// connection comes back, so news saved during an outage still arrives: receivers must treat a repeat as harmless.
    /// </summary>
    void Publish<TMessage>(string channel, string key, TMessage message);

    /// <summary>Calls <paramref name="handler"/> for every message another instance publishes on <paramref name="channel"/>.</summary>
    IDisposable Subscribe<TMessage>(string channel, Action<TMessage> handler);
}
