namespace Dashboard.Web.Shared.Time;

/// <summary>
/// The viewer's <see cref="TimeDisplay"/>, one per circuit: read once from where the person's setting is kept,
/// and <see cref="Changed"/> when they change it, so every time on their open page follows at once.
/// </summary>
public interface ITimeDisplaySource
{
    /// <summary>The current viewer's display; UTC only for kiosks, automation and anonymous viewers.</summary>
    Task<TimeDisplay> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>Raised on the changing thread after the viewer changed their setting.</summary>
    event Action<TimeDisplay>? Changed;
}
