using Dashboard.Core.Routing;

namespace Dashboard.Web.Features.Demo;

/// <summary>
/// The built-in router (<c>Routing:Kind = BuiltIn</c>): it sets and reads the demo's
/// <see cref="DemoTrafficSplit"/>, so the simulator's volumes follow it on its next tick. No real
/// traffic moves. Its raw weights are basis points (canary + baseline = 10,000), since the demo's
/// split may start at a fraction of a percent (<c>Demo:CanaryWeightPercent</c>, used only while no
/// rollout is on record: otherwise <see cref="DemoTrafficSplitRestorer"/> starts it at the weight of record).
/// </summary>
public sealed class DemoTrafficRouter(DemoTrafficSplit split) : ITrafficRouter
{
    private const int BasisPoints = 10_000;

    public string Name => "Built-in (demo)";

    public Task<TrafficWeights> ReadAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Read());

    public Task<TrafficWeights> ApplyAsync(int canaryPercent, CancellationToken cancellationToken = default)
    {
        TrafficWeights.RequirePercent(canaryPercent);
        split.SetCanaryWeight(canaryPercent);
        return Task.FromResult(Read());
    }

    private TrafficWeights Read()
    {
        var canary = (int)Math.Round(split.CanaryWeightPercent * BasisPoints / 100, MidpointRounding.AwayFromZero);
        return new TrafficWeights(canary, BasisPoints - canary);
    }
}
