using System.Net;
using System.Net.Http.Json;
using Dashboard.Integration.Tests.Notifications;
using Dashboard.Integration.Tests.TestSupport;

namespace Dashboard.Integration.Tests.Shifts;

/// <summary>
/// A handoff nobody acknowledged after the shift change is flagged on /warroom and sent once through the webhook
/// (docs/shifts.md). <c>AcknowledgeWithin</c> is one second, so the last shift change is long past when the test runs.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class HandoffOverdueTests(InfluxServerFixture influx)
{
    [Fact]
    public async Task UnacknowledgedHandoff_IsFlaggedOnTheWarRoom_AndSentOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var shifts = await new ShiftTestApp(influx.Url, new Dictionary<string, string>
        {
            ["Shifts__AcknowledgeWithin"] = "00:00:01",
            ["Shifts__OverdueCheckInterval"] = "00:00:00.2",
            ["Notifications__WebhookUrl"] = receiver.Url.ToString(),
            ["Notifications__RetryBaseDelay"] = "00:00:00.1",
        }).StartAsync();
        using var _ = await shifts.PersonAsync("nina", "Operator");
        var outgoing = (await shifts.ShiftAsync("previous")).GetProperty("id").GetString()!;

        // Nobody rostered: nobody to hand off, nothing flagged. Once nina is on every shift, the last change is overdue.
        await shifts.SetDefaultsAsync(new Dictionary<string, string> { ["night"] = "nina", ["day"] = "nina", ["evening"] = "nina" });

        var delivered = await receiver.WaitForDeliveredAsync(1, TimeSpan.FromSeconds(30));
        Assert.Contains($"handoff of the", delivered[0], StringComparison.OrdinalIgnoreCase);
        Assert.Contains(outgoing, delivered[0], StringComparison.Ordinal);
        var shift = await shifts.ShiftAsync(outgoing);
        Assert.True(shift.GetProperty("handoff").GetProperty("overdue").GetBoolean());
        var flagged = Assert.Single(await shifts.AuditAsync("shift.handoffOverdue"));
        Assert.Equal(outgoing, flagged.Payload.GetProperty("shiftId").GetString());
        var warRoom = await shifts.Admin.GetStringAsync(new Uri("/warroom", UriKind.Relative));
        Assert.Contains("data-testid=\"handoff-overdue\"", warRoom, StringComparison.Ordinal);

        // Acknowledging is refused (nothing was handed off), and the flag stays: the incoming shift must still take it.
        using var acknowledge = await shifts.Admin.PostAsJsonAsync($"/api/shifts/{outgoing}/acknowledge", new { });
        Assert.Equal(HttpStatusCode.Conflict, acknowledge.StatusCode);
    }
}
