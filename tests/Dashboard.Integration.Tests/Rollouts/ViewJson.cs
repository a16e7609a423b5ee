using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dashboard.Integration.Tests.Rollouts;

/// <summary>
/// Pins the JSON a client sees: a view's text with the members whose values change from run to run
/// (ids, times, measured values) set to "*" whatever they held, so a test can compare the whole shape —
/// member names, order and every enum's string — against one literal.
/// </summary>
internal static class ViewJson
{
    public static string Masked(JsonElement view, params string[] volatileMembers)
    {
        var node = JsonNode.Parse(view.GetRawText());
        Mask(node, volatileMembers.ToHashSet(StringComparer.Ordinal));
        return node?.ToJsonString() ?? "null";
    }

    /// <summary>The JSON text without the spaces and line breaks a literal is written with.</summary>
    public static string Compact(string json) => JsonNode.Parse(json)?.ToJsonString() ?? "null";

    private static void Mask(JsonNode? node, HashSet<string> names)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (names.Contains(name))
                    {
                        obj[name] = "*";
                    }
                    else
                    {
                        Mask(value, names);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Mask(item, names);
                }

                break;
        }
    }
}
