namespace Dashboard.Infrastructure.Persistence;

/// <summary>A custom plan with this id is already stored; the new one was not saved.</summary>
public sealed class DuplicatePlanException(string planId, Exception? innerException = null)
    : Exception($"A plan with id '{planId}' already exists.", innerException)
{
    public string PlanId { get; } = planId;
}
