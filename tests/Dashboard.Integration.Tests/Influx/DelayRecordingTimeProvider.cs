using System.Collections.Concurrent;

namespace Dashboard.Integration.Tests.Influx;

/// <summary>
/// Records every delay the code under test asks for and lets it elapse at once, so retry tests can
/// assert the backoff (and <c>Retry-After</c>) without waiting for it.
/// </summary>
internal sealed class DelayRecordingTimeProvider : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _delays = new();

    public IReadOnlyList<TimeSpan> Delays => [.. _delays];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _delays.Enqueue(dueTime);
        }

        return System.CreateTimer(callback, state, dueTime == Timeout.InfiniteTimeSpan ? dueTime : TimeSpan.Zero, period);
    }
}
