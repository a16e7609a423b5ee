using Dashboard.Web.Features.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Dashboard.Web.Tests.Logging;

/// <summary>Every value a log event carries passes <see cref="SafeLogValues"/>: tokens redacted, control characters escaped, at any depth.</summary>
public sealed class SafeLogValuesTests
{
    private static readonly string[] KioskPaths = ["/kiosk/tok?x=1"];

    private static LogEvent Capture(Action<ILogger> write)
    {
        var sink = new CollectingSink();
        using (var logger = new LoggerConfiguration().Enrich.With<SafeLogValues>().WriteTo.Sink(sink).CreateLogger())
        {
            write(logger);
        }

        return Assert.Single(sink.Events);
    }

    [Fact]
    public void Enrich_NewlineInAValue_IsEscapedSoTheLineCannotBeForged()
    {
        var logged = Capture(log => log.Warning("Sign-in refused for {UserName}", "mallory\n[06:00:00 INF] admin signed in\u001b[0m"));

        Assert.Equal(@"Sign-in refused for ""mallory\n[06:00:00 INF] admin signed in\u001b[0m""", logged.RenderMessage());
    }

    [Fact]
    public void Enrich_TokensInPathsQueriesAndNestedValues_AreRedacted()
    {
        var logged = Capture(log => log.Information(
            "{Path} {Url} {@Request} {Paths}",
            "/kiosk/AbC-123_x",
            "http://host/setup?token=s3cr3t&next=/",
            new { Path = "/k/7Q4-XYZ", Query = "?code=9876" },
            KioskPaths));

        var text = logged.RenderMessage();
        Assert.Equal(
            @"""/kiosk/[redacted]"" ""http://host/setup?token=[redacted]&next=/"" { Path: ""/k/[redacted]"", Query: ""?code=[redacted]"" } [""/kiosk/[redacted]?x=1""]",
            text);
    }

    [Fact]
    public void Sanitize_OrdinaryText_IsTheSameString()
    {
        const string text = "HTTP GET /api/rollouts responded 200";

        Assert.Same(text, SafeLogValues.Sanitize(text));
    }

    private sealed class CollectingSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }
}
