namespace Dashboard.Web.Shared.Live;

/// <summary>
/// An in-process source of news that saved state changed (a rollout, a health check …). Lives in Shared so
/// that <see cref="LiveReload{TChange}"/> and <see cref="ChangeWatcher{TChange, TItem}"/> can follow any
/// feature's feed without depending on that feature. Handlers run on the publishing thread.
/// </summary>
/// <typeparam name="TChange">What one piece of news says.</typeparam>
public interface IChangeFeed<out TChange>
{
    /// <summary>Calls <paramref name="handler"/> for every change published from now on, until the result is disposed.</summary>
    IDisposable Subscribe(Action<TChange> handler);
}
