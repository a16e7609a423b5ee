namespace Dashboard.Infrastructure.Persistence;

/// <summary>A custom plan saved through <c>POST /api/plans</c>, kept as the JSON that was validated.</summary>
public sealed class StoredPlanRecord
{
    /// <summary>The plan's slug, e.g. <c>three-step-canary</c>.</summary>
    public required string Id { get; set; }

    public required string Name { get; set; }

    public required string Json { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
