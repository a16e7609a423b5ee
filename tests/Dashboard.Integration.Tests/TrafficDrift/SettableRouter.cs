using Dashboard.Core.Routing;

namespace Dashboard.Integration.Tests.TrafficDrift;

/// <summary>A router whose split the test sets, or that fails like an unreachable one.</summary>
internal sealed class SettableRouter : ITrafficRouter
{
    public TrafficWeights Weights { get; set; } = new(0, 100);

    public TrafficRouterException? Failure { get; set; }

    public int Applied { get; private set; }

    public string Name => "test router";

    public Task<TrafficWeights> ReadAsync(CancellationToken cancellationToken = default) =>
        Failure is { } failure ? Task.FromException<TrafficWeights>(failure) : Task.FromResult(Weights);

    public Task<TrafficWeights> ApplyAsync(int canaryPercent, CancellationToken cancellationToken = default)
    {
        Applied++;
        Weights = TrafficWeights.ForCanaryPercent(canaryPercent);
        return ReadAsync(cancellationToken);
    }
}
