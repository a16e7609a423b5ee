using Dashboard.Core.Incidents;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Tests.Incidents;

public sealed class IncidentTallyTests
{
    private static readonly DateTimeOffset From = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddMinutes(15);

    [Fact]
    public void Count_CriticalOpenedAndResolvedInsideTheWindow_Counts()
    {
        var incident = new IncidentSpan(IncidentSeverity.Critical, false, From.AddMinutes(2), From.AddMinutes(3));

        Assert.Equal(1, IncidentTally.Count([incident], MetricKeys.CriticalIncidents, From, To));
    }

    [Fact]
    public void Count_CriticalOpenedBeforeAndStillOpen_Counts()
    {
        var incident = new IncidentSpan(IncidentSeverity.Critical, false, From.AddHours(-1), null);

        Assert.Equal(1, IncidentTally.Count([incident], MetricKeys.CriticalIncidents, From, To));
    }

    [Theory]
    [InlineData(-60, -1)] // resolved before the window
    [InlineData(-60, 0)] // resolved exactly at the start: no moment of the window saw it open
    [InlineData(15, null)] // opened exactly at the due time: belongs to the next window
    public void Count_CriticalNotOpenDuringTheWindow_DoesNotCount(int openedMinute, int? resolvedMinute)
    {
        var incident = new IncidentSpan(IncidentSeverity.Critical, false, From.AddMinutes(openedMinute), resolvedMinute is { } r ? From.AddMinutes(r) : null);

        Assert.Equal(0, IncidentTally.Count([incident], MetricKeys.CriticalIncidents, From, To));
    }

    [Fact]
    public void Count_HighAndLowIncidents_AreNotCritical()
    {
        IncidentSpan[] incidents =
        [
            new(IncidentSeverity.High, false, From, null),
            new(IncidentSeverity.Low, false, From, null),
        ];

        Assert.Equal(0, IncidentTally.Count(incidents, MetricKeys.CriticalIncidents, From, To));
    }

    [Fact]
    public void Count_DataLoss_CountsEverySeverityMarkedAsDataLoss()
    {
        IncidentSpan[] incidents =
        [
            new(IncidentSeverity.Low, true, From.AddMinutes(1), null),
            new(IncidentSeverity.Critical, true, From.AddMinutes(1), From.AddMinutes(2)),
            new(IncidentSeverity.Critical, false, From.AddMinutes(1), null),
        ];

        Assert.Equal(2, IncidentTally.Count(incidents, MetricKeys.DataLossEvents, From, To));
    }

    [Fact]
    public void Count_MetricThatIsNoIncidentCount_IsNull()
    {
        Assert.Null(IncidentTally.Count([], MetricKeys.ErrorRatePct, From, To));
    }

    [Fact]
    public void Count_NoIncidents_IsZeroNotNull()
    {
        Assert.Equal(0, IncidentTally.Count([], MetricKeys.CriticalIncidents, From, To));
    }
}
