using Dashboard.Core.Evaluation;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Tests.Plans;

public sealed class ComparatorTextTests
{
    [Theory]
    [InlineData("<", Comparator.LessThan)]
    [InlineData("<=", Comparator.LessThanOrEqual)]
    [InlineData("≤", Comparator.LessThanOrEqual)]
    [InlineData(">", Comparator.GreaterThan)]
    [InlineData(">=", Comparator.GreaterThanOrEqual)]
    [InlineData("≥", Comparator.GreaterThanOrEqual)]
    [InlineData("lessThan", Comparator.LessThan)]
    [InlineData("GreaterThanOrEqual", Comparator.GreaterThanOrEqual)]
    [InlineData("lessthanorequal", Comparator.LessThanOrEqual)]
    [InlineData(" > ", Comparator.GreaterThan)]
    public void TryParse_SymbolOrName_ReadsTheComparator(string text, Comparator expected)
    {
        Assert.True(ComparatorText.TryParse(text, out var comparator));
        Assert.Equal(expected, comparator);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("=")]
    [InlineData("==")]
    [InlineData("=<")]
    [InlineData("less")]
    [InlineData("0")]
    [InlineData("7")]
    public void TryParse_Unknown_Fails(string? text)
    {
        Assert.False(ComparatorText.TryParse(text, out _));
    }

    [Fact]
    public void Format_EveryComparator_ParsesBack()
    {
        foreach (var comparator in Enum.GetValues<Comparator>())
        {
            Assert.True(ComparatorText.TryParse(ComparatorText.Format(comparator), out var back));
            Assert.Equal(comparator, back);
        }
    }
}
