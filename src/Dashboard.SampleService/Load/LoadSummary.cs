namespace Dashboard.SampleService.Load;

/// <summary>Counters of one summary period; thread-safe increments, read and reset by <see cref="TakeLine"/>.</summary>
public sealed class LoadSummary
{
    private long _sent;
    private long _ok;
    private long _serverErrors;
    private long _otherStatus;
    private long _failed;
    private long _skipped;

    public void Sent() => Interlocked.Increment(ref _sent);

    public void Answered(int statusCode)
    {
        if (statusCode is >= 200 and < 300)
        {
            Interlocked.Increment(ref _ok);
        }
        else if (statusCode >= 500)
        {
            Interlocked.Increment(ref _serverErrors);
        }
        else
        {
            Interlocked.Increment(ref _otherStatus);
        }
    }

    public void Failed() => Interlocked.Increment(ref _failed);

    /// <summary>A request not sent because too many were still waiting for an answer.</summary>
    public void Skipped() => Interlocked.Increment(ref _skipped);

    public string TakeLine(TimeSpan elapsed) =>
        FormattableString.Invariant(
            $"{elapsed:hh\\:mm\\:ss} sent {Interlocked.Exchange(ref _sent, 0)}, 2xx {Interlocked.Exchange(ref _ok, 0)}, 5xx {Interlocked.Exchange(ref _serverErrors, 0)}, other {Interlocked.Exchange(ref _otherStatus, 0)}, failed {Interlocked.Exchange(ref _failed, 0)}, skipped {Interlocked.Exchange(ref _skipped, 0)}");
}
