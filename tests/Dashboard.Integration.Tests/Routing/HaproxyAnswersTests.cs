using Dashboard.Core.Routing;
using Dashboard.Infrastructure.Routing;

namespace Dashboard.Integration.Tests.Routing;

public sealed class HaproxyAnswersTests
{
    private const string GetCommand = "get weight analyzer/canary";
    private const string SetCommand = "set server analyzer/canary weight 10";

    [Theory]
    [InlineData("10 (initial 100)\n\n", 10)]
    [InlineData("0 (initial 0)\n", 0)]
    [InlineData("256 (initial 1)", 256)]
    [InlineData("  100 (initial 100)\r\n", 100)]
    public void ParseWeight_HaproxyAnswer_ReturnsTheCurrentWeight(string answer, int weight) =>
        Assert.Equal(weight, HaproxyAnswers.ParseWeight(GetCommand, answer));

    [Theory]
    [InlineData("No such server.\n\n", "No such server.")]
    [InlineData("No such backend.\n\n", "No such backend.")]
    [InlineData("Permission denied\n\n", "Permission denied")]
    [InlineData("257 (initial 100)\n\n", "257 (initial 100)")]
    [InlineData("10\n\n", "10")]
    [InlineData("-1 (initial 100)", "-1 (initial 100)")]
    [InlineData("10 (initial 100)\n10 (initial 100)", "10 (initial 100)\n10 (initial 100)")]
    public void ParseWeight_AnythingElse_ThrowsWithTheAnswerAsRouterMessage(string answer, string routerMessage)
    {
        var error = Assert.Throws<TrafficRouterException>(() => HaproxyAnswers.ParseWeight(GetCommand, answer));

        Assert.Equal(routerMessage, error.RouterMessage);
        Assert.Contains(GetCommand, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseWeight_EmptyAnswer_Throws() =>
        Assert.Null(Assert.Throws<TrafficRouterException>(() => HaproxyAnswers.ParseWeight(GetCommand, "\n")).RouterMessage);

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("\n\n")]
    public void RequireSetSucceeded_EmptyAnswer_Succeeds(string answer) =>
        HaproxyAnswers.RequireSetSucceeded(SetCommand, answer);

    [Theory]
    [InlineData("No such server.\n\n", "No such server.")]
    [InlineData("Absolute weight can only be between 0 and 256 inclusive.\n\n", "Absolute weight can only be between 0 and 256 inclusive.")]
    [InlineData("Permission denied\n\n", "Permission denied")]
    public void RequireSetSucceeded_AnyText_ThrowsWithHaproxysMessage(string answer, string routerMessage)
    {
        var error = Assert.Throws<TrafficRouterException>(() => HaproxyAnswers.RequireSetSucceeded(SetCommand, answer));

        Assert.Equal(routerMessage, error.RouterMessage);
        Assert.Equal($"HAProxy refused '{SetCommand}': {routerMessage}", error.Message);
    }
}
