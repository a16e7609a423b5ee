namespace Dashboard.Infrastructure.Persistence;

public sealed class RolloutNotFoundException(Guid rolloutId)
    : Exception($"Rollout {rolloutId} does not exist.")
{
    public Guid RolloutId { get; } = rolloutId;
}
