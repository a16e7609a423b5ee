namespace Dashboard.Web.Features.Leadership;

public static class AutomationLeaseExtensions
{
    /// <summary>Waits until this instance holds the lease and returns the token its hold ends with: a watcher's turn.</summary>
    public static async Task<CancellationToken> WaitForHoldAsync(this IAutomationLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await lease.WaitUntilHeldAsync(cancellationToken);
        return lease.HoldToken;
    }
}
