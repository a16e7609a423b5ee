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

    /// <summary>A new fault of <paramref name="kind"/> starting now, not yet active: <see cref="Add"/> makes it so.</summary>
    public DemoFault Prepare(FaultKind kind, double magnitude, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(magnitude);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var now = timeProvider.GetUtcNow();
        return new DemoFault(Guid.NewGuid(), kind, magnitude, now, now + duration);
    }

    /// <summary>Makes a prepared fault active.</summary>
    public void Add(DemoFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            _faults.Add(fault);
        }

        Changed?.Invoke();
    }

    /// <summary>Prepares and adds a fault in one step.</summary>
    public DemoFault Inject(FaultKind kind, double magnitude, TimeSpan duration)
    {
        var fault = Prepare(kind, magnitude, duration);
        Add(fault);
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
}
