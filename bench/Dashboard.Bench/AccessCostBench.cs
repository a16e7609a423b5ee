using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.TestSupport;

namespace Dashboard.Bench;

/// <summary>
/// What sign-in costs, against the real app: a password sign-in through the form (antiforgery page + PBKDF2
/// check + audit event), and one authorized read (<c>GET /api/me</c>) with a session cookie (the session is
/// re-checked against the state store on every request) and with an API key (hash lookup), beside
/// <c>/healthz</c>, which skips both.
/// </summary>
public static class AccessCostBench
{
    private static readonly string[] OperatorOnly = ["Operator"];

    public static async Task RunAsync(int signIns, int requests)
    {
        await using var influx = await InfluxServer.StartAsync();
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Influx__Url"] = influx.Url.ToString(),
            ["Demo__Enabled"] = "false",
            ["Routing__Kind"] = "BuiltIn",
        });
        using var admin = await app.SignInAsAdminAsync();
        using var created = await admin.PostAsJsonAsync("/api/admin/api-keys", new { name = "bench", roles = OperatorOnly, expiresAt = DateTimeOffset.UtcNow.AddDays(1) });
        created.EnsureSuccessStatusCode();
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        using var key = WarRoomSignIn.NewClient(app.Url);
        key.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var anonymous = WarRoomSignIn.NewClient(app.Url);

        var signInTimes = new List<double>();
        for (var i = 0; i < signIns; i++)
        {
            var clock = Stopwatch.StartNew();
            using var client = await WarRoomSignIn.SignInAsync(app.Url, TestPeople.Admin, TestPeople.Password);
            signInTimes.Add(clock.Elapsed.TotalMilliseconds);
        }

        Report($"password sign-in (GET form + POST), {signIns} runs", signInTimes);
        Report($"GET /healthz (no authentication), {requests} requests", await TimeAsync(anonymous, "/healthz", requests));
        Report($"GET /api/me with the session cookie, {requests} requests", await TimeAsync(admin, "/api/me", requests));
        Report($"GET /api/me with an API key, {requests} requests", await TimeAsync(key, "/api/me", requests));
    }

    private static async Task<List<double>> TimeAsync(HttpClient client, string path, int requests)
    {
        // Warm the path up first: the first requests JIT the pipeline.
        for (var i = 0; i < 20; i++)
        {
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
        }

        var times = new List<double>();
        for (var i = 0; i < requests; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            response.EnsureSuccessStatusCode();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static void Report(string what, List<double> milliseconds)
    {
        milliseconds.Sort();
        var median = milliseconds.Count % 2 == 1
            ? milliseconds[milliseconds.Count / 2]
            : (milliseconds[(milliseconds.Count / 2) - 1] + milliseconds[milliseconds.Count / 2]) / 2;
        var p95 = milliseconds[(int)Math.Ceiling(milliseconds.Count * 0.95) - 1];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: median {median:0.00} ms, p95 {p95:0.00} ms, max {milliseconds[^1]:0.00} ms"));
    }
}
