using System.Net;
using System.Net.Http.Json;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Shifts;

/// <summary>The roster API and who may see shifts, through the real HTTP pipeline of the real app (docs/shifts.md).</summary>
[Collection(InfluxCollection.Name)]
public sealed class RosterApiTests(ShiftApiFixture fixture) : IClassFixture<ShiftApiFixture>
{
    private static readonly string[] OttoAsLead = ["otto"];

    private ShiftTestApp Shifts => fixture.App;

    [Fact]
    public async Task RosterChange_WithManyProblems_Answers400ListingEveryOne_AndSavesNothing()
    {
        using var lead = await Shifts.PersonAsync("olga", "OperationsLead");
        var next = (await Shifts.ShiftAsync("next")).GetProperty("id").GetString()!;
        // Starts more than 7 days after the next shift, whatever the time of day.
        var later = (await Shifts.App.GetAsync("/api/shifts?from=" + Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(8).ToString("O"))
            + "&to=" + Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(8.5).ToString("O"))))[0].GetProperty("id").GetString()!;

        var response = await lead.PutAsJsonAsync("/api/roster", new
        {
            defaults = new object[]
            {
                new { pattern = "night", primary = "olga" },
                new { pattern = "lunch", primary = "olga" },
                new { pattern = "day", day = "Funday", primary = "nobody-here" },
            },
            overrides = new object[]
            {
                new { shiftId = "tomorrow", primary = "olga" },
                new { shiftId = next, primary = "olga", secondary = "olga" },
                new { shiftId = next, primary = "olga" },
                new { shiftId = later, primary = "olga" },
            },
        });

        var errors = (await Shifts.App.ReadAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(
            ["defaults[1].pattern", "defaults[2].day", "defaults[2].primary", "overrides", "overrides[0].shiftId", "overrides[1].secondary", "overrides[2]"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("overlaps overrides[1]", errors.GetProperty("overrides[2]")[0].GetString(), StringComparison.Ordinal);
        var roster = await Shifts.App.GetAsync("/api/roster");
        Assert.DoesNotContain(roster.GetProperty("defaults").EnumerateArray(), d => d.GetProperty("pattern").GetString() == "night" && d.GetProperty("primary").GetProperty("userName").GetString() == "olga");
        Assert.DoesNotContain(await Shifts.AuditAsync("roster.changed"), e => e.Actor == "olga");
    }

    [Fact]
    public async Task OperationsLead_SetsAnOverride_WhichTheShiftShows_AndAViewerMayNot()
    {
        using var lead = await Shifts.PersonAsync("otto", "OperationsLead");
        using var viewer = await Shifts.PersonAsync("wendy");
        var next = (await Shifts.ShiftAsync("next")).GetProperty("id").GetString()!;

        using var byViewer = await viewer.PutAsJsonAsync("/api/roster", new { overrides = new[] { new { shiftId = next, primary = "wendy" } } });
        using var byLead = await lead.PutAsJsonAsync("/api/roster", new { overrides = new[] { new { shiftId = next, primary = "wendy", leads = OttoAsLead } } });

        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byLead.StatusCode);
        var roster = (await Shifts.ShiftAsync(next)).GetProperty("roster");
        Assert.Equal(("Override", "WENDY", "OTTO"), (roster.GetProperty("source").GetString(), roster.GetProperty("primary").GetProperty("displayName").GetString(), roster.GetProperty("leads")[0].GetProperty("displayName").GetString()));
        Assert.Contains(await Shifts.AuditAsync("roster.changed"), e => e.Actor == "otto");
        Assert.Contains(await Shifts.AuditAsync("access.refused"), e => e.Actor == "wendy" && e.Payload.GetProperty("operation").GetString() == "EditRoster");
    }

    [Fact]
    public async Task Kiosk_SeesOnlyTheWarRoom_WithWhoIsOnCall_NotTheShiftsOrTheirApi()
    {
        using var _ = await Shifts.PersonAsync("kim", "Operator");
        var current = await Shifts.ShiftAsync("current");
        using (var response = await Shifts.Admin.PutAsJsonAsync("/api/roster", new { overrides = new[] { new { shiftId = current.GetProperty("id").GetString(), primary = "kim" } } }))
        {
            await Shifts.App.ReadAsync(response, HttpStatusCode.OK);
        }

        using var link = await Shifts.Admin.PostAsJsonAsync("/api/admin/kiosk-links", new { name = "tv-shifts" });
        var path = (await Shifts.App.ReadAsync(link, HttpStatusCode.Created)).GetProperty("path").GetString()!;
        using var screen = WarRoomSignIn.NewClient(Shifts.Url);
        Assert.Equal(HttpStatusCode.Redirect, (await screen.GetAsync(path)).StatusCode);

        var warRoom = await screen.GetAsync("/warroom");
        var shiftPage = await screen.GetAsync("/shifts/current");
        var rosterPage = await screen.GetAsync("/roster");

        Assert.Equal(HttpStatusCode.OK, warRoom.StatusCode);
        Assert.Contains("data-testid=\"on-call-now\">KIM", await warRoom.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("/access-denied", shiftPage.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/access-denied", rosterPage.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await screen.GetAsync("/api/shifts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await screen.GetAsync("/api/shifts/current")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await screen.PostAsJsonAsync($"/api/shifts/{current.GetProperty("id").GetString()}/handoff", new { notes = "x", risks = "y" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await screen.GetAsync("/api/roster")).StatusCode);
    }
}
