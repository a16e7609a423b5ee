using Dashboard.Core.Checkpoints;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Tests.Checkpoints;

public sealed class CheckpointWindowTests
{
    private static readonly PlanPhase Canary = BuiltInPlans.ThreePhase.Phases[0];
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void For_FirstCheckpoint_LastIntervalStartsAtThePhaseStart()
    {
        var window = CheckpointWindow.For(Canary, Start, TimeSpan.FromMinutes(15));

        Assert.Equal(new CheckpointWindow(Start, Start.AddMinutes(15), Start), window);
        Assert.Equal(window.Cumulative, window.LastInterval);
    }

    [Fact]
    public void For_LaterCheckpoint_LastIntervalStartsAtThePreviousCheckpoint()
    {
        var window = CheckpointWindow.For(Canary, Start, TimeSpan.FromMinutes(90));

        Assert.Equal(new CheckpointWindow(Start, Start.AddMinutes(90), Start.AddHours(1)), window);
        Assert.Equal(TimeSpan.FromMinutes(30), window.LastInterval);
    }

    [Fact]
    public void For_TimeScale_ShrinksDueTimeAndWindowsAlike()
    {
        var window = CheckpointWindow.For(Canary, Start, TimeSpan.FromHours(2), timeScale: 60);

        Assert.Equal(new CheckpointWindow(Start, Start.AddMinutes(2), Start.AddSeconds(90)), window);
    }

    [Fact]
    public void IsValid_LastIntervalMustEndAfterItStarts()
    {
        Assert.False(new CheckpointWindow(Start, Start, Start).IsValid);
        Assert.False(new CheckpointWindow(Start, Start.AddMinutes(5), Start.AddMinutes(-1)).IsValid);
    }
}
