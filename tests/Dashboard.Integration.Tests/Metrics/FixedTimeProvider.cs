namespace Dashboard.Integration.Tests.Metrics;

/// <summary>A clock stopped at one instant, so a test's window covers exactly the points it wrote.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
