namespace Dashboard.Web.Features.Access;

/// <summary>
/// Bounds guessing of kiosk short codes: after <see cref="MaxFailures"/> wrong codes within <see cref="Window"/>
/// (from anyone: a guesser can change address) every code is refused until the oldest failure leaves the window.
/// With 40-bit codes that leaves a guesser about 2^40 / 20 windows of 10 minutes per live code; the long link
/// keeps working meanwhile (docs/access.md, "Kiosk links").
/// </summary>
public sealed class KioskCodeAttempts(TimeProvider timeProvider)
{
    public const int MaxFailures = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly Queue<DateTimeOffset> _failures = new();
    private readonly Lock _gate = new();

    /// <summary>How long until a code may be tried again; null when it may be tried now.</summary>
    public TimeSpan? RetryAfter()
    {
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            Forget(now);
            return _failures.Count >= MaxFailures ? _failures.Peek() + Window - now : null;
        }
    }

    /// <summary>Counts a code that named no live link.</summary>
    public void RecordFailure()
    {
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            Forget(now);
            _failures.Enqueue(now);
        }
    }

    private void Forget(DateTimeOffset now)
    {
        while (_failures.Count > 0 && _failures.Peek() + Window <= now)
        {
            _failures.Dequeue();
        }
    }
}
