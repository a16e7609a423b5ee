namespace Dashboard.Web.Features.Demo;

/// <summary>
/// The demo's traffic split: the canary's share of requests in percent (0..100). The simulator reads
/// it every tick, so volumes follow it at once; the built-in traffic router sets it. Thread-safe.
/// </summary>
public sealed class DemoTrafficSplit
{
    private readonly Lock _gate = new();
    private double _canaryWeightPercent;

    public DemoTrafficSplit(double initialCanaryWeightPercent)
    {
        _canaryWeightPercent = RequirePercent(initialCanaryWeightPercent);
    }

    /// <summary>Raised after the weight changed.</summary>
    public event Action? Changed;

    public double CanaryWeightPercent
    {
        get
        {
            lock (_gate)
            {
                return _canaryWeightPercent;
            }
        }
    }

    /// <summary>Sets the canary's share; throws <see cref="ArgumentOutOfRangeException"/> outside 0..100.</summary>
    public void SetCanaryWeight(double percent)
    {
        RequirePercent(percent);
        lock (_gate)
        {
            if (_canaryWeightPercent == percent)
            {
                return;
            }

            _canaryWeightPercent = percent;
        }

        Changed?.Invoke();
    }

    private static double RequirePercent(double percent)
    {
        if (!(percent is >= 0 and <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "The canary weight is a percentage within 0..100.");
        }

        return percent;
    }
}
