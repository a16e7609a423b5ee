using System.Text.Json;

namespace Dashboard.TestSupport;

/// <summary>
/// Reads influxd's own count of <c>/query</c> requests (<c>SHOW STATS FOR 'httpd'</c>, field
/// <c>queryReq</c>). Its own <c>SHOW STATS</c> requests are counted by influxd too, so it
/// subtracts them: <see cref="ReadAsync"/> returns the queries made by everyone else.
/// </summary>
public sealed class InfluxQueryCounter(InfluxServer server) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = server.Url };
    private long _ownQueries;

    public async Task<long> ReadAsync()
    {
        _ownQueries++;
        using var content = new FormUrlEncodedContent([new("q", "SHOW STATS FOR 'httpd'")]);
        using var response = await _http.PostAsync("/query", content);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var series = json.RootElement.GetProperty("results")[0].GetProperty("series")[0];
        var columns = series.GetProperty("columns").EnumerateArray().Select(c => c.GetString()).ToList();
        var index = columns.IndexOf("queryReq");
        return series.GetProperty("values")[0][index].GetInt64() - _ownQueries;
    }

    public void Dispose() => _http.Dispose();
}
