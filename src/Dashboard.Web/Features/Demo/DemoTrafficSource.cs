using Dashboard.Core.Demo;
using Dashboard.Infrastructure.Influx;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Demo;

/// <summary>
/// The demo's one traffic model, turned into InfluxDB points: live ticks follow the current split and
/// active faults; history follows the current split and stays healthy. Calls are serialised so the
/// seeded noise stays reproducible.
/// </summary>
public sealed class DemoTrafficSource
{
    private readonly Lock _gate = new();
    private readonly DemoOptions _options;
    private readonly DemoTrafficSplit _split;
    private readonly DemoFaultBoard _faults;
    private readonly DemoTrafficModel _model;

    public DemoTrafficSource(IOptions<DemoOptions> options, DemoTrafficSplit split, DemoFaultBoard faults)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _split = split;
        _faults = faults;
        var profile = new DemoTrafficProfile
        {
            Segments = _options.EffectiveSegments,
            Regions = _options.EffectiveRegions,
            TotalRps = _options.TotalRps,
            ActiveLearners = _options.ActiveLearners,
            ProbesPerSecond = _options.ProbesPerSecond,
        };
        _model = new DemoTrafficModel(profile, _options.Seed);
    }

    /// <summary>The points of one live interval ending at <paramref name="at"/>.</summary>
    public IReadOnlyList<InfluxPoint> Live(DateTimeOffset at, TimeSpan interval) =>
        Generate(at, interval, DemoFaultEffects.Combine(_faults.Active));

    /// <summary>The points of one past interval ending at <paramref name="at"/>, without faults.</summary>
    public IReadOnlyList<InfluxPoint> History(DateTimeOffset at, TimeSpan step) =>
        Generate(at, step, CanaryFaultEffects.None);

    private List<InfluxPoint> Generate(DateTimeOffset at, TimeSpan interval, CanaryFaultEffects effects)
    {
        IReadOnlyList<TrafficSample> samples;
        lock (_gate)
        {
            samples = _model.Generate(at, interval, _split.CanaryWeightPercent, effects);
        }

        return DemoInfluxPoints.From(samples, at, _options);
    }
}
