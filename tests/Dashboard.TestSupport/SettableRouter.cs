using Dashboard.Core.Routing;

namespace Dashboard.TestSupport;

/// <summary>A router whose split the test sets, or that fails like an unreachable one; it records every percentage applied.</summary>
public sealed class SettableRouter : ITrafficRouter
{
    public TrafficWeights Weights { get; set; } = new(0, 100);

    public TrafficRouterException? Failure { get; set; }

    /// <summary>The canary percentages applied, in order.</summary>
    public List<int> Applied { get; } = [];

    public string Name => "test router";

    public Task<TrafficWeights> ReadAsync(CancellationToken cancellationToken = default) =>
        Failure is { } failure ? Task.FromException<TrafficWeights>(failure) : Task.FromResult(Weights);

    public Task<TrafficWeights> ApplyAsync(int canaryPercent, CancellationToken cancellationToken = default)
    {
        Applied.Add(canaryPercent);
        Weights = TrafficWeights.ForCanaryPercent(canaryPercent);
        return ReadAsync(cancellationToken);
    }
}
