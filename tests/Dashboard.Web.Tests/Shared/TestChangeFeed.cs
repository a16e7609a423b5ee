using Dashboard.Web.Shared.Live;

namespace Dashboard.Web.Tests.Shared;

/// <summary>A feed the test publishes on, that says how many subscribe to it.</summary>
internal sealed class TestChangeFeed : IChangeFeed<int>
{
    private readonly Lock _gate = new();
    private readonly List<Action<int>> _handlers = [];

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

    public IDisposable Subscribe(Action<int> handler)
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

    public void Publish(int change)
    {
        Action<int>[] handlers;
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
