using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.TestSupport;

namespace Dashboard.E2E.Tests.TestSupport;

/// <summary>
/// Puts people on the shifts the wall clock is in when a test runs (shift ids depend on the hour), through the
/// roster API as an operations lead would.
/// </summary>
public static class ShiftsOnTheClock
{
    // Longer than any journey through the shift pages takes, so the shift the test starts in is the shift it ends in.
    private static readonly TimeSpan Room = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The current shift (<c>GET /api/shifts/current</c>); when it ends within five minutes, the shift after it
    /// once that has begun, so that "now" and "next" stay the same for the whole test.
    /// </summary>
    public static async Task<JsonElement> CurrentWithRoomAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var current = await client.GetFromJsonAsync<JsonElement>("/api/shifts/current");
        if (current.GetProperty("end").GetDateTimeOffset() - DateTimeOffset.UtcNow >= Room)
        {
            return current;
        }

        var next = current.GetProperty("nextId").GetString();
        await Eventually.UntilAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>("/api/shifts/current")).GetProperty("id").GetString() == next,
            Room + TimeSpan.FromMinutes(1), $"the shift change to {next}");
        return await client.GetFromJsonAsync<JsonElement>("/api/shifts/current");
    }

    /// <summary>Overrides the roster of each shift with its operations primary, all at once (<c>PUT /api/roster</c>).</summary>
    public static async Task RosterAsync(HttpClient client, params (string ShiftId, string Primary)[] shifts)
    {
        ArgumentNullException.ThrowIfNull(client);
        var overrides = shifts.Select(s => new { shiftId = s.ShiftId, primary = s.Primary }).ToArray();
        using var response = await client.PutAsJsonAsync("/api/roster", new { overrides });
        Assert.True(response.IsSuccessStatusCode, $"roster: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
