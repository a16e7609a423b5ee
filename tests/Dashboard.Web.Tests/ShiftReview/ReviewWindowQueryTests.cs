using Dashboard.Web.Features.ShiftReview;

namespace Dashboard.Web.Tests.ShiftReview;

/// <summary>The review API's window rules: every problem by field, nothing clamped.</summary>
public sealed class ReviewWindowQueryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Shift = TimeSpan.FromHours(8);

    [Fact]
    public void Parse_AWindowOverSevenDays_ABadRolloutAndAnUnknownKind_ListsEachByField()
    {
        var query = ReviewWindowQuery.Parse("2026-11-10T00:00:00Z", "2026-11-23T00:00:00Z", "not-a-guid", "Weather", null, Now, Shift, out var problems);

        Assert.Null(query);
        Assert.Equal(["kind", "rolloutId", "to"], problems.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("at most 7 days", problems["to"][0], StringComparison.Ordinal);
        Assert.Contains("TrafficChange", problems["kind"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-23T08:00:00Z", "2026-11-23T08:00:00Z", "to", "must be after from")]
    [InlineData("2026-11-23T12:00:00Z", "2026-11-23T20:00:01Z", "to", "after now")]
    [InlineData("2026-11-23T08:00:00", "2026-11-23T16:00:00Z", "from", "not a time with its zone")]
    [InlineData(null, "2026-11-23T16:00:00Z", "from", "from is required")]
    public void Parse_AWindowThatCannotBeRead_NamesTheField(string? from, string to, string field, string words)
    {
        Assert.Null(ReviewWindowQuery.Parse(from, to, null, null, null, Now, Shift, out var problems));

        Assert.Contains(words, Assert.Single(problems, p => p.Key == field).Value[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AShiftEndingWithinOneShiftFromNow_IsReadWithTheNextShiftAsLongByDefault()
    {
        var query = ReviewWindowQuery.Parse("2026-11-23T08:00:00Z", "2026-11-23T16:00:00Z", null, "guardrailblind", null, Now, Shift, out var problems);

        Assert.Empty(problems);
        Assert.Equal((TimelineKind.GuardrailBlind, new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero)), (query!.Kind, query.NextTo));
    }

    [Fact]
    public void Parse_AWindowEndingPastOneDefaultShift_IsReadWhenTheLongestShiftReachesIt()
    {
        var twelveHours = ReviewWindowQuery.Parse("2026-11-23T12:00:00Z", "2026-11-24T00:00:00Z", null, null, null, Now, TimeSpan.FromHours(12), out var none);
        var eightHours = ReviewWindowQuery.Parse("2026-11-23T12:00:00Z", "2026-11-24T00:00:00Z", null, null, null, Now, Shift, out var problems);

        Assert.Empty(none);
        Assert.NotNull(twelveHours);
        Assert.Null(eightHours);
        Assert.Contains("more than 8 h (the longest shift) after now", problems["to"][0], StringComparison.Ordinal);
    }
}
