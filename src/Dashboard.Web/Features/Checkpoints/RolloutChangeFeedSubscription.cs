using System.Threading.Channels;
using Dashboard.Web.Features.Rollouts;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>The ids of rollouts whose state changed (a saved command, not a settled traffic change), queued in order.</summary>
public sealed class RolloutChangeFeedSubscription(RolloutChangeFeed feed)
{
    private readonly Channel<Guid> _changed = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<Guid> Start()
    {
        feed.Changed += OnChanged;
        return _changed.Reader;
    }

    public void Stop() => feed.Changed -= OnChanged;

    private void OnChanged(RolloutChanged change)
    {
        if (change.Events.Count > 0)
        {
            _changed.Writer.TryWrite(change.RolloutId);
        }
    }
}
