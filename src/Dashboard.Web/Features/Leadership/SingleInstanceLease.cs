namespace Dashboard.Web.Features.Leadership;

/// <summary>The lease of an instance that runs alone on its state store (SQLite): always held.</summary>
public sealed class SingleInstanceLease : IAutomationLease
{
    public bool IsHeld => true;

    public CancellationToken HoldToken => CancellationToken.None;

    public Task WaitUntilHeldAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
