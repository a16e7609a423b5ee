using System.Globalization;
using System.Text.Json;

namespace Dashboard.Web.Features.ShiftReview;

/// <summary>Reads the fields of one audit event's JSON payload; a missing or mistyped field reads as null.</summary>
internal sealed class AuditPayload
{
    private readonly JsonElement _root;

    public AuditPayload(string json)
    {
        using var document = JsonDocument.Parse(json);
        _root = document.RootElement.Clone();
    }

    public string? Text(string name) =>
        _root.ValueKind == JsonValueKind.Object && _root.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            }
            : null;

    public int? Int(string name) => Text(name) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public double? Number(string name) => Text(name) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    public bool? Flag(string name) => Text(name) is { } text && bool.TryParse(text, out var value) ? value : null;

    public DateTimeOffset? Time(string name) =>
        Text(name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;

    /// <summary>A string array, e.g. the roles of a sign-off request or the metrics of a blind period.</summary>
    public IReadOnlyList<string> Texts(string name) =>
        _root.ValueKind == JsonValueKind.Object && _root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : v.GetRawText())]
            : [];

    /// <summary>An array of objects, e.g. the action items of a decision.</summary>
    public IReadOnlyList<AuditPayload> Objects(string name) =>
        _root.ValueKind == JsonValueKind.Object && _root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Object).Select(v => new AuditPayload(v.GetRawText()))]
            : [];
}
