namespace Dashboard.Web.Features.Leadership;

/// <summary>
/// Whether this instance may act for the whole deployment now: judge the guardrails and roll back, open gates,
/// reconcile drift, send notifications, poll the live metrics, generate the demo's traffic. With more than one
/// instance on one state store, one instance at a time holds the lease (docs/high-availability.md); alone, an
/// instance always holds it.
/// </summary>
public interface IAutomationLease
{
    /// <summary>True while this instance holds the lease. Read it right before each action: it turns false within one
    /// poll of the lease being lost.</summary>
    bool IsHeld { get; }

    /// <summary>Cancelled when the current hold ends (already cancelled while the lease is not held): pass it to an
    /// action so that a hold lost mid-way stops the action.</summary>
    CancellationToken HoldToken { get; }

    /// <summary>Completes once this instance holds the lease.</summary>
    Task WaitUntilHeldAsync(CancellationToken cancellationToken);
}
