using Dashboard.Core.History;
using Dashboard.Core.Incidents;

namespace Dashboard.Core.Tests.History;

/// <summary>The one reader of audit payloads: what it reads, what it reads as missing, and what a kept payload still holds.</summary>
public sealed class AuditPayloadTests
{
    [Fact]
    public void Read_NumbersWrittenAsNumbersOrInvariantStrings_AreRead_OtherTypesAreMissing()
    {
        const string json = """{"toPercent":10,"fromPercent":"5","seconds":"250.5","ratio":0.25,"title":"slow","dataLoss":true,"severity":"Critical","count":2.5}""";

        var read = AuditPayload.Read(json, p => (p.Int("toPercent"), p.Int("fromPercent"), p.Number("seconds"), p.Number("ratio"), p.Int("title"), p.Int("count"), p.Int("absent")));
        var texts = AuditPayload.Read(json, p => (p.Text("title"), p.Text("toPercent"), p.Flag("dataLoss"), p.Flag("title"), p.Enum<IncidentSeverity>("severity")));

        Assert.Equal((10, 5, 250.5, 0.25, (int?)null, (int?)null, (int?)null), read);
        Assert.Equal(("slow", (string?)null, true, (bool?)null, IncidentSeverity.Critical), texts);
    }

    [Fact]
    public void Parse_KeptPayload_ReadsItsArraysAndTimes_AfterTheDocumentIsGone()
    {
        var payload = AuditPayload.Parse("""{"roles":["EngineeringLead",3,"OperationsLead"],"actionItems":[{"text":"add alert","owner":"carol","due":"2026-11-24"},"stray"],"since":"2026-11-23T12:00:00Z","metrics":"errorRatePct"}""");

        var item = Assert.Single(payload.Objects("actionItems"));

        Assert.Equal(["EngineeringLead", "OperationsLead"], payload.Texts("roles"));
        Assert.Equal(("add alert", "carol", "2026-11-24"), (item.Text("text"), item.Text("owner"), item.Text("due")));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero), payload.Time("since"));
        Assert.Empty(payload.Texts("metrics"));
        Assert.Empty(payload.Objects("roles"));
    }

    [Fact]
    public void Read_APayloadThatIsNotAnObject_ReadsEveryFieldAsMissing()
    {
        Assert.Equal(((string?)null, (int?)null, 0), AuditPayload.Read("[1,2]", p => (p.Text("a"), p.Int("a"), p.Texts("a").Count)));
    }
}
