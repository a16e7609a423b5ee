using Dashboard.Core.Guardrails.Sequential;

namespace Dashboard.Core.Tests.Guardrails.Sequential;

/// <summary>Expected values are Python's math.lgamma (reference_values.py).</summary>
public sealed class LogGammaTests
{
    [Theory]
    [InlineData(0.1, 2.2527126517342055)]
    [InlineData(0.5, 0.5723649429247004)]
    [InlineData(1.0, 0.0)]
    [InlineData(2.5, 0.2846828704729196)]
    [InlineData(10.0, 12.801827480081467)]
    [InlineData(101.0, 363.73937555556347)]
    [InlineData(12345.678, 103959.91990554606)]
    public void Of_KnownArguments_MatchesPythonLgamma(double x, double expected) =>
        Assert.Equal(expected, LogGamma.Of(x), 1e-12 * Math.Max(1, Math.Abs(expected)));

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Of_NotPositive_Throws(double x) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LogGamma.Of(x));
}
