using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Core.Rollouts.Events;

namespace Dashboard.Core.Rollouts;

/// <summary>The audit payload of an event: its own fields as camelCase JSON, enums as names.</summary>
public static class RolloutEventJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(RolloutEvent rolloutEvent)
    {
        ArgumentNullException.ThrowIfNull(rolloutEvent);
        return JsonSerializer.Serialize(rolloutEvent, rolloutEvent.GetType(), Options);
    }
}
