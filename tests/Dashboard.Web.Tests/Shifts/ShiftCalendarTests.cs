using Dashboard.Web.Features.Shifts;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.Shifts;

/// <summary>The shift calendar and its configuration check (docs/shifts.md).</summary>
public sealed class ShiftCalendarTests
{
    private static readonly DateTimeOffset Morning = new(2026, 12, 6, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void DefaultPattern_IsThreeEightHourUtcShiftsFromMidnight_WithIdsMadeOfTheirStart()
    {
        var calendar = Calendar(new ShiftOptions());

        var current = calendar.Current;

        Assert.Equal(new ShiftWindow("20261206-0800", "day", Morning.Date.AddHours(8), Morning.Date.AddHours(16)), current with { });
        Assert.Equal("20261206-0000", calendar.Previous(current).Id);
        Assert.Equal(("20261206-1600", "evening"), (calendar.Next(current).Id, calendar.Next(current).Name));
        Assert.Equal("20261207-0000", calendar.Next(calendar.Next(current)).Id);
        Assert.Equal(21, calendar.Between(Morning.Date, Morning.Date.AddDays(7)).Count);
    }

    [Theory]
    [InlineData("20261206-0800", ShiftIdProblem.None)]
    [InlineData("20261206-0900", ShiftIdProblem.NoSuchShift)]
    [InlineData("2026-12-06", ShiftIdProblem.IllFormed)]
    [InlineData("20261306-0800", ShiftIdProblem.IllFormed)]
    [InlineData(null, ShiftIdProblem.IllFormed)]
    public void Find_RefusesIllFormedAndUnknownIds(string? id, ShiftIdProblem expected)
    {
        var found = Calendar(new ShiftOptions()).Find(id, out var problem);

        Assert.Equal(expected, problem);
        Assert.Equal(expected == ShiftIdProblem.None, found is not null);
    }

    [Fact]
    public void PatternsAcrossMidnight_AreFoundOnBothSides()
    {
        var calendar = Calendar(Options(("early", 6, 12), ("late", 18, 12)));

        Assert.Equal("20261205-1800", calendar.At(new DateTimeOffset(2026, 12, 6, 5, 0, 0, TimeSpan.Zero)).Id);
        Assert.Equal("20261206-0600", calendar.At(Morning).Id);
    }

    [Fact]
    public void Validator_RefusesAGapAndAnOverlap_NamingTheKeys()
    {
        var validator = new ShiftOptionsValidator();

        var gap = validator.Validate(null, Options(("a", 0, 8), ("b", 9, 15)));
        var overlap = validator.Validate(null, Options(("a", 0, 10), ("b", 8, 16)));

        Assert.Contains(gap.Failures!, f => f.Contains("Shifts:Patterns:0 ('a') ends at 08:00:00 but the next shift starts at 09:00:00: a gap", StringComparison.Ordinal));
        Assert.Contains(overlap.Failures!, f => f.Contains("an overlap", StringComparison.Ordinal));
        Assert.True(validator.Validate(null, new ShiftOptions()).Succeeded);
    }

    private static ShiftOptions Options(params (string Name, int StartHour, int Hours)[] patterns) => new()
    {
        Patterns = [.. patterns.Select(p => new ShiftPattern { Name = p.Name, Start = TimeSpan.FromHours(p.StartHour), Length = TimeSpan.FromHours(p.Hours) })],
    };

    private static ShiftCalendar Calendar(ShiftOptions options) => new(Microsoft.Extensions.Options.Options.Create(options), new FakeTimeProvider(Morning));
}
