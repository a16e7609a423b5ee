namespace Dashboard.Web.Shared.Live;

/// <summary>Ends one subscription to a change feed; disposing it twice is harmless.</summary>
public sealed class ChangeSubscription(Action unsubscribe) : IDisposable
{
    private Action? _unsubscribe = unsubscribe;

    public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
}
