namespace Dashboard.Core.Demo;

/// <summary>The shape of the simulated service: where its traffic comes from and how much of it there is.</summary>
public sealed record DemoTrafficProfile
{
    /// <summary>Values of the <c>segment</c> tag; the first gets the largest share of traffic.</summary>
    public required IReadOnlyList<string> Segments { get; init; }

    /// <summary>Values of the <c>region</c> tag; the first gets the largest share of traffic.</summary>
    public required IReadOnlyList<string> Regions { get; init; }

    /// <summary>Requests per second of both cohorts together, at the daily average load.</summary>
    public double TotalRps { get; init; } = 400;

    /// <summary>Active learners of both cohorts together, at the daily average load.</summary>
    public int ActiveLearners { get; init; } = 5000;

    /// <summary>Synthetic probes per second of each series; more give availability a finer resolution over short windows.</summary>
    public double ProbesPerSecond { get; init; } = 2;
}
