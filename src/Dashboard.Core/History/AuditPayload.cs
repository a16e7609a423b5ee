using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace Dashboard.Core.History;

/// <summary>
/// Reads the camelCase fields of an audit payload: the one reader for every feature that reads the log back. A field
/// that is missing or of another type reads as null (or empty), so an event written by an older version is skipped
/// field by field rather than failing a page. Numbers are also read from strings holding an invariant number.
/// </summary>
public sealed class AuditPayload
{
    private readonly JsonElement _root;

    private AuditPayload(JsonElement root) => _root = root;

    /// <summary>A payload that may be kept: the JSON is copied out of its document.</summary>
    public static AuditPayload Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new AuditPayload(document.RootElement.Clone());
    }

    /// <summary>Reads a payload without copying it; the payload given to <paramref name="read"/> must not outlive the call.</summary>
    public static T Read<T>(string json, Func<AuditPayload, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        using var document = JsonDocument.Parse(json);
        return read(new AuditPayload(document.RootElement));
    }

    public string? Text(string name) => Field(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Reads a field as an int, like Text and Flag read theirs; the name is what every reader calls.")]
    public int? Int(string name) => Field(name) switch
    {
        { ValueKind: JsonValueKind.Number } value => value.TryGetInt32(out var number) ? number : null,
        { ValueKind: JsonValueKind.String } value => int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null,
        _ => null,
    };

    public double? Number(string name) => Field(name) switch
    {
        { ValueKind: JsonValueKind.Number } value => value.GetDouble(),
        { ValueKind: JsonValueKind.String } value => double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null,
        _ => null,
    };

    public bool? Flag(string name) => Field(name) is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;

    public Guid? Id(string name) => Text(name) is { } text && Guid.TryParse(text, out var id) ? id : null;

    public DateTimeOffset? Time(string name) =>
        Text(name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    /// <summary>An enum written by name, in any case (rollout events write camelCase, other payloads PascalCase).</summary>
    public TEnum? Enum<TEnum>(string name)
        where TEnum : struct, System.Enum =>
        Text(name) is { } text && System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) ? value : null;

    /// <summary>The strings of an array, e.g. the roles of a sign-off request or the metrics of a blind period; other items are skipped.</summary>
    public IReadOnlyList<string> Texts(string name) =>
        Field(name) is { ValueKind: JsonValueKind.Array } value
            ? [.. value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!)]
            : [];

    /// <summary>The objects of an array, e.g. the action items of a decision; they live as long as this payload.</summary>
    public IReadOnlyList<AuditPayload> Objects(string name) =>
        Field(name) is { ValueKind: JsonValueKind.Array } value
            ? [.. value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.Object).Select(item => new AuditPayload(item))]
            : [];

    private JsonElement? Field(string name) =>
        _root.ValueKind == JsonValueKind.Object && _root.TryGetProperty(name, out var value) ? value : null;
}
