namespace Dashboard.Web.Features.Demo;

/// <summary>
/// The faults currently injected into the demo's canary cohort. Thread-safe; expired faults
/// disappear on their own. The simulator reads it every tick; the UI and the REST API change it.
/// </summary>
public sealed class DemoFaultBoard(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly List<DemoFault> _faults = [];

    public event Action? Changed;

    public IReadOnlyList<DemoFault> Active
    {
        get
        {
            var now = timeProvider.GetUtcNow();
            lock (_gate)
            {
                _faults.RemoveAll(f => f.EndsAt <= now);
                return [.. _faults];
            }
        }
    }

    public DemoFault Inject(FaultKind kind, double magnitude, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(magnitude);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var now = timeProvider.GetUtcNow();
        var fault = new DemoFault(Guid.NewGuid(), kind, magnitude, now, now + duration);
        lock (_gate)
        {
            _faults.Add(fault);
        }

        Changed?.Invoke();
        return fault;
    }

    /// <summary>Ends one fault; false when it was not active.</summary>
    public bool Clear(Guid id)
    {
        bool removed;
        lock (_gate)
        {
            removed = _faults.RemoveAll(f => f.Id == id) > 0;
        }

        if (removed)
        {
            Changed?.Invoke();
        }

        return removed;
    }

    public void ClearAll()
    {
        lock (_gate)
        {
            _faults.Clear();
        }

        Changed?.Invoke();
    }
}
