using Dashboard.Core.Routing;
using Dashboard.Web.Features.TrafficDrift;

namespace Dashboard.Web.Tests.TrafficDrift;

/// <summary>When a drift episode starts and ends: once each, whatever the number of checks, and never on not knowing.</summary>
public sealed class DriftEpisodesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly RolloutOfRecord First = new(Guid.NewGuid(), "learning-api", "v2.9.4", "v3.0.0", "InProgress");
    private static readonly RolloutOfRecord Second = new(Guid.NewGuid(), "billing-api", "v1.0.0", "v1.1.0", "InProgress");

    private static TrafficDriftReport Drifted(RolloutOfRecord rollout) => TrafficDriftReport.Compared(T0, "HAProxy", new TrafficWeights(35, 65), rollout, 10);

    private static TrafficDriftReport InSync(RolloutOfRecord rollout) => TrafficDriftReport.Compared(T0, "HAProxy", new TrafficWeights(10, 90), rollout, 10);

    [Fact]
    public void Drifted_FirstSight_StartsAnEpisode_AndAnOpenOneIsNotStartedAgain()
    {
        var none = new Dictionary<Guid, DateTimeOffset>();
        var open = new Dictionary<Guid, DateTimeOffset> { [First.Id] = T0 };

        Assert.True(DriftEpisodes.Starts(none, Drifted(First)));
        Assert.False(DriftEpisodes.Starts(open, Drifted(First)));
        Assert.Empty(DriftEpisodes.Ending(open, Drifted(First)));
    }

    [Fact]
    public void InSync_EndsTheRolloutsEpisodeAsBackInStep_AndStartsNothing()
    {
        var open = new Dictionary<Guid, DateTimeOffset> { [First.Id] = T0 };

        Assert.Equal([(First.Id, DriftEnd.BackInStep)], DriftEpisodes.Ending(open, InSync(First)));
        Assert.False(DriftEpisodes.Starts(open, InSync(First)));
    }

    [Fact]
    public void AnotherRolloutOfRecordOrNone_EndsTheOpenEpisodeAsNoLongerOfRecord()
    {
        var open = new Dictionary<Guid, DateTimeOffset> { [First.Id] = T0 };

        Assert.Equal([(First.Id, DriftEnd.NoLongerOfRecord)], DriftEpisodes.Ending(open, Drifted(Second)));
        Assert.True(DriftEpisodes.Starts(open, Drifted(Second)));
        Assert.Equal([(First.Id, DriftEnd.NoLongerOfRecord)], DriftEpisodes.Ending(open, TrafficDriftReport.NothingRecorded(T0, "HAProxy", new TrafficWeights(0, 100))));
    }

    [Fact]
    public void AReportThatCouldNotCompare_NeitherStartsNorEndsAnEpisode()
    {
        var open = new Dictionary<Guid, DateTimeOffset> { [First.Id] = T0 };
        TrafficDriftReport[] unknown =
        [
            TrafficDriftReport.RouterUnreadable(T0, "HAProxy", First, 10, "connection refused"),
            TrafficDriftReport.StateUnreadable(T0, "HAProxy", "no schema"),
            TrafficDriftReport.NotChecked("HAProxy"),
        ];

        Assert.All(unknown, report => Assert.Empty(DriftEpisodes.Ending(open, report)));
        Assert.All(unknown, report => Assert.False(DriftEpisodes.Starts(new Dictionary<Guid, DateTimeOffset>(), report)));
    }
}
