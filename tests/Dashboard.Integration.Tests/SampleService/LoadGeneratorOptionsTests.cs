using Dashboard.SampleService.Load;

namespace Dashboard.Integration.Tests.SampleService;

public sealed class LoadGeneratorOptionsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/analyze")]
    [InlineData("http://127.3.4.5:80/")]
    [InlineData("http://[::1]:8080/")]
    [InlineData("http://localhost:8080/")]
    public void Refusal_LoopbackTarget_IsNull(string target) =>
        Assert.Null(LoopbackTarget.Refusal(new Uri(target)));

    [Theory]
    [InlineData("http://10.0.0.5:8080/")]
    [InlineData("http://example.com/")]
    [InlineData("http://localhost.example.com/")]
    [InlineData("http://0.0.0.0:8080/")]
    [InlineData("https://[2001:db8::1]/")]
    public void Refusal_NonLoopbackTarget_NamesTheHost(string target)
    {
        var refusal = LoopbackTarget.Refusal(new Uri(target));

        Assert.NotNull(refusal);
        Assert.StartsWith("--target must be on this machine", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_NonHttpScheme_IsRefused() =>
        Assert.StartsWith("--target must be an absolute http(s) URL", LoopbackTarget.Refusal(new Uri("ftp://127.0.0.1/")), StringComparison.Ordinal);

    [Fact]
    public void Parse_NoArguments_GivesTheBoundedDefaults()
    {
        var (options, errors) = LoadGeneratorOptions.Parse([]);

        Assert.Empty(errors);
        Assert.Equal(new Uri("http://127.0.0.1:8080/analyze"), options!.Target);
        Assert.Equal(50, options.RequestsPerSecond);
        Assert.Equal(TimeSpan.FromMinutes(10), options.Duration);
    }

    [Fact]
    public void Parse_ValuesBeyondTheCapsAndARemoteTarget_ReportsEveryProblem()
    {
        var (options, errors) = LoadGeneratorOptions.Parse(["--target", "http://192.168.1.20:8080/", "--rps", "100000", "--duration", "1.00:00:00", "--bogus", "1"]);

        Assert.Null(options);
        Assert.Contains(errors, e => e.StartsWith("--target must be on this machine", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--rps must be between 1 and 500", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--duration must be positive and at most 02:00:00", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("unknown option --bogus", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_RemoteTarget_RefusesBeforeSendingAnything()
    {
        // TEST-NET-3: reserved, never routed. The token is cancelled already, so a missing guard
        // makes the call return at once (and the test fail) instead of sending for ten minutes.
        var options = LoadGeneratorOptions.Default with { Target = new Uri("http://203.0.113.7/") };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => LoadGeneratorCommand.RunAsync(options, TextWriter.Null, TimeProvider.System, new CancellationToken(canceled: true)));

        Assert.Contains("--target must be on this machine", error.Message, StringComparison.Ordinal);
    }
}
