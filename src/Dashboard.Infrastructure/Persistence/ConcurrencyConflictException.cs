namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// A write was based on a version of the rollout that is no longer the stored one: someone else
/// changed it in between. The caller reloads and decides again; nothing was written.
/// </summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException(Guid rolloutId, int expectedVersion, int? storedVersion, Exception? innerException = null)
        : base(Describe(rolloutId, expectedVersion, storedVersion), innerException)
    {
        RolloutId = rolloutId;
        ExpectedVersion = expectedVersion;
        StoredVersion = storedVersion;
    }

    public Guid RolloutId { get; }

    public int ExpectedVersion { get; }

    /// <summary>The version in the store when the conflict was found, when known.</summary>
    public int? StoredVersion { get; }

    private static string Describe(Guid rolloutId, int expectedVersion, int? storedVersion) =>
        storedVersion is { } stored
            ? $"Rollout {rolloutId} was changed by someone else: the change was based on version {expectedVersion}, the store holds version {stored}. Reload and try again."
            : $"Rollout {rolloutId} was changed by someone else since version {expectedVersion}. Reload and try again.";
}
