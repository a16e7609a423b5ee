using Dashboard.Core.Checkpoints;
using Dashboard.Core.Evaluation;

namespace Dashboard.Core.Tests.Checkpoints;

public sealed class CheckpointVerdictsTests
{
    [Theory]
    [InlineData(new[] { Verdict.Pass, Verdict.Pass }, Verdict.Pass)]
    [InlineData(new[] { Verdict.Pass, Verdict.Warn }, Verdict.Warn)]
    [InlineData(new[] { Verdict.Warn, Verdict.NoData, Verdict.Pass }, Verdict.NoData)]
    [InlineData(new[] { Verdict.NoData, Verdict.Fail, Verdict.Warn }, Verdict.Fail)]
    [InlineData(new Verdict[0], Verdict.NoData)]
    public void Overall_IsTheWorstAndNoDataIsNeverAPass(Verdict[] verdicts, Verdict expected)
    {
        Assert.Equal(expected, CheckpointVerdicts.Overall(verdicts));
    }
}
