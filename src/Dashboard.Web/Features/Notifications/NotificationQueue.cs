using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Notifications;

/// <summary>
/// Where producers drop notifications without waiting for the network: a bounded queue that
/// <see cref="WebhookDispatcher"/> drains. Full → the new message is dropped and counted; no webhook
/// configured → nothing is queued.
/// </summary>
public sealed class NotificationQueue
{
    private readonly Channel<Notification> _channel;
    private readonly bool _enabled;
    private long _dropped;

    public NotificationQueue(IOptions<NotificationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _enabled = options.Value.IsEnabled;
        _channel = Channel.CreateBounded<Notification>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });
    }

    public long Dropped => Interlocked.Read(ref _dropped);

    internal ChannelReader<Notification> Reader => _channel.Reader;

    /// <summary>True when queued; false when notifications are off or the queue is full.</summary>
    public bool Enqueue(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (!_enabled)
        {
            return false;
        }

        if (_channel.Writer.TryWrite(notification))
        {
            return true;
        }

        Interlocked.Increment(ref _dropped);
        return false;
    }
}
