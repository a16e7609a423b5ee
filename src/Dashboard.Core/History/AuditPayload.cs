using System.Text.Json;

namespace Dashboard.Core.History;

/// <summary>
/// Reads the camelCase fields of an audit payload. A field that is missing or of another type reads as
/// null, so an event written by an older version is skipped field by field rather than failing the board.
/// </summary>
internal readonly struct AuditPayload(JsonElement root)
{
    public static T Read<T>(string json, Func<AuditPayload, T> read)
    {
        using var document = JsonDocument.Parse(json);
        return read(new AuditPayload(document.RootElement));
    }

    public int? Int(string name) =>
        Field(name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) ? number : null;

    public string? Text(string name) => Field(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public bool? Flag(string name) => Field(name) is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;

    public Guid? Id(string name) => Text(name) is { } text && Guid.TryParse(text, out var id) ? id : null;

    /// <summary>An enum written by name, in any case (rollout events write camelCase, other payloads PascalCase).</summary>
    public TEnum? Enum<TEnum>(string name)
        where TEnum : struct, System.Enum =>
        Text(name) is { } text && System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) ? value : null;

    private JsonElement? Field(string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) ? value : null;
}
