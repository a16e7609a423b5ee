using System.Net.Http.Json;
using System.Text.Json;

namespace Dashboard.E2E.Tests.TestSupport;

/// <summary>Sets the scene through the app's REST API, as an operator's script would.</summary>
public static class ApiCalls
{
    /// <summary>POSTs <paramref name="body"/> as JSON and returns the answer; fails the test with the server's words when it refuses.</summary>
    public static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
