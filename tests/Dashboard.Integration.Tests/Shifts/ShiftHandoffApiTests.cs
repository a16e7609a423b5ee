using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Integration.Tests.TestSupport;

namespace Dashboard.Integration.Tests.Shifts;

/// <summary>
/// The handoff through the real HTTP pipeline of the real app (docs/shifts.md): who may hand off and acknowledge,
/// what a refusal answers, and that both steps are audited. The tests name shifts by id, so a shift change while a
/// test runs does not change which shift it talks about.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class ShiftHandoffApiTests(ShiftApiFixture fixture) : IClassFixture<ShiftApiFixture>
{
    private ShiftTestApp Shifts => fixture.App;

    [Fact]
    public async Task Viewer_CannotHandOff_AndTheRefusalIsAudited()
    {
        var outgoing = await Shifts.ShiftAsync("current");
        using var viewer = await Shifts.PersonAsync("vic");

        var response = await viewer.PostAsJsonAsync($"/api/shifts/{Id(outgoing)}/handoff", new { notes = "all quiet", risks = "none" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("vic may not hand off", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(await Shifts.AuditAsync("access.refused"), e => e.Actor == "vic" && e.Payload.GetProperty("operation").GetString() == "HandOff");
        Assert.DoesNotContain(await Shifts.AuditAsync("shift.handedOff"), e => e.Actor == "vic");
    }

    [Fact]
    public async Task PersonOnTheShift_HandsOff_AndOnlyTheIncomingShiftAcknowledges()
    {
        var outgoing = await Shifts.ShiftAsync("current");
        var incoming = await Shifts.ShiftAsync(outgoing.GetProperty("nextId").GetString()!);
        var third = await Shifts.ShiftAsync(incoming.GetProperty("nextId").GetString()!);
        using var alice = await Shifts.PersonAsync("alice", "Operator");
        using var bob = await Shifts.PersonAsync("bob", "Operator");
        using var carol = await Shifts.PersonAsync("carol", "Operator");
        await Shifts.SetDefaultsAsync(new Dictionary<string, string>
        {
            [Name(outgoing)] = "alice",
            [Name(incoming)] = "bob",
            [Name(third)] = "carol",
        });

        var handedOff = await alice.PostAsJsonAsync($"/api/shifts/{Id(outgoing)}/handoff", new { notes = "canary at 25 %", risks = "p99 creeping up" });
        var byCarol = await carol.PostAsJsonAsync($"/api/shifts/{Id(outgoing)}/acknowledge", new { });
        var byAlice = await alice.PostAsJsonAsync($"/api/shifts/{Id(outgoing)}/acknowledge", new { });
        var byBob = await bob.PostAsJsonAsync($"/api/shifts/{Id(outgoing)}/acknowledge", new { question = "who owns the p99 alert?" });

        Assert.Equal(HttpStatusCode.OK, handedOff.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byCarol.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byAlice.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byBob.StatusCode);
        var handoff = (await Shifts.ShiftAsync(Id(outgoing))).GetProperty("handoff");
        Assert.Equal("Acknowledged", handoff.GetProperty("state").GetString());
        Assert.Equal(("alice", "bob", "who owns the p99 alert?"), (handoff.GetProperty("handedOffBy").GetString(), handoff.GetProperty("acknowledgedBy").GetString(), handoff.GetProperty("question").GetString()));
        Assert.Contains(await Shifts.AuditAsync("shift.handedOff"), e => e.Actor == "alice" && e.Payload.GetProperty("risks").GetString() == "p99 creeping up");
        Assert.Contains(await Shifts.AuditAsync("shift.acknowledged"), e => e.Actor == "bob" && e.Payload.GetProperty("shiftId").GetString() == Id(outgoing));
        Assert.Contains(await Shifts.AuditAsync("access.refused"), e => e.Actor == "carol" && e.Payload.GetProperty("operation").GetString() == "AcknowledgeHandoff");
    }

    [Fact]
    public async Task Handoff_WithoutNotesOrRisks_Answers400NamingBoth_AndSavesNothing()
    {
        var outgoing = await Shifts.ShiftAsync("previous");

        var response = await Shifts.Admin.PostAsJsonAsync($"/api/shifts/{Id(outgoing)}/handoff", new { notes = " ", risks = new string('x', 4001) });

        var problem = await Shifts.App.ReadAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("notes are required", errors.GetProperty("notes")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("at most 4000 characters", errors.GetProperty("risks")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Open", (await Shifts.ShiftAsync(Id(outgoing))).GetProperty("handoff").GetProperty("state").GetString());
    }

    [Fact]
    public async Task ShiftIds_IllFormedAre400_UnknownStartsAre404_AndWindowsOverSevenDaysAre400()
    {
        using var illFormed = await Shifts.Admin.GetAsync("/api/shifts/yesterday");
        using var noSuchStart = await Shifts.Admin.GetAsync("/api/shifts/20261206-0900");
        using var tooLong = await Shifts.Admin.GetAsync("/api/shifts?from=2026-12-01T00:00:00Z&to=2026-12-09T00:00:00Z");
        using var week = await Shifts.Admin.GetAsync("/api/shifts?from=2026-12-01T00:00:00Z&to=2026-12-08T00:00:00Z");

        Assert.Contains("is not a shift id", (await Shifts.App.ReadAsync(illFormed, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("id")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("No shift starts at 20261206-0900", (await Shifts.App.ReadAsync(noSuchStart, HttpStatusCode.NotFound)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("at most 7 days", (await Shifts.App.ReadAsync(tooLong, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("to")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(21, (await Shifts.App.ReadAsync(week, HttpStatusCode.OK)).GetArrayLength());
    }

    private static string Id(JsonElement shift) => shift.GetProperty("id").GetString()!;

    private static string Name(JsonElement shift) => shift.GetProperty("name").GetString()!;
}
