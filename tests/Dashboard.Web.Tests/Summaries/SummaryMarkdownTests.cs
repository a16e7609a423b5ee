using Dashboard.Core.Evaluation;
using Dashboard.Web.Features.Summaries;

namespace Dashboard.Web.Tests.Summaries;

public sealed class SummaryMarkdownTests
{
    [Fact]
    public void Write_Summary_HasEverySectionInWordsAndSaysMissingDataAsSuch()
    {
        var summary = Summaries.Of(
            Guid.NewGuid(), SummaryOutlook.NotJudged, "Not judged: no data for Error rate.",
            Summaries.ErrorRate(Verdict.NoData, "no data", "No data in the window."));

        var markdown = SummaryMarkdown.Write(summary);

        Assert.StartsWith("# learning-api 1.5.0: End of canary\n\n**Not judged: no data for Error rate.**\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| Error rate | < 1 % | no data (No data in the window.) | NO DATA |", markdown, StringComparison.Ordinal);
        Assert.Contains("Canary against baseline: +0.8 %. The plan does not judge it.", markdown, StringComparison.Ordinal);
        Assert.Contains("- high: Slow grading (owner dave), opened Nov 23 12:30 UTC, still open", markdown, StringComparison.Ordinal);
        Assert.Contains("- Nov 23 12:00 UTC: 0 % → 5 %, confirmed, by alice (go)", markdown, StringComparison.Ordinal);
        Assert.Contains("## What happens next\n\n- Now running: beta at 25 % of traffic.", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("| PASS |", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(25, "25 s")]
    [InlineData(25 * 60, "25 min")]
    [InlineData(8 * 3600, "8 h")]
    [InlineData((7 * 3600) + (13 * 60) + 20, "7 h 13 min")]
    public void Duration_RoundsToTheMinuteForPeople(int seconds, string expected) =>
        Assert.Equal(expected, SummaryText.Duration(TimeSpan.FromSeconds(seconds)));
}
