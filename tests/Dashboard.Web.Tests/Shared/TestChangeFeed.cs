using Dashboard.Web.Shared.Live;

namespace Dashboard.Web.Tests.Shared;

/// <summary>A feed of numbers the test publishes on, that says how many subscribe to it.</summary>
internal sealed class TestChangeFeed : TestChangeFeed<int>;

/// <summary>A feed the test publishes on, that says how many subscribe to it.</summary>
internal class TestChangeFeed<T> : IChangeFeed<T>
{
    private readonly Lock _gate = new();
    private readonly List<Action<T>> _handlers = [];

    public int Subscribers
    {
        get
        {
            lock (_gate)
            {
                return _handlers.Count;
            }
        }
    }

    public IDisposable Subscribe(Action<T> handler)
    {
        lock (_gate)
        {
            _handlers.Add(handler);
        }

        return new ChangeSubscription(() =>
        {
            lock (_gate)
            {
                _handlers.Remove(handler);
            }
        });
    }

    public void Publish(T change)
    {
        Action<T>[] handlers;
        lock (_gate)
        {
            handlers = [.. _handlers];
        }

        foreach (var handler in handlers)
        {
            handler(change);
        }
    }
}
