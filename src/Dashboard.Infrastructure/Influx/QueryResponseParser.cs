using System.Text.Json;

namespace Dashboard.Infrastructure.Influx;

/// <summary>
/// Reads the JSON of <c>/query</c> into typed results. InfluxDB writes an integral float without a
/// decimal point (a float field holding 1.0 comes back as <c>1</c>), so a cell's type follows its JSON
/// token: a number without fraction or exponent that fits in 64 bits is a <see cref="long"/>, any
/// other number a <see cref="double"/>. Use <see cref="InfluxSeries.GetDouble"/> for numeric columns.
/// </summary>
internal static class QueryResponseParser
{
    public static async Task<IReadOnlyList<InfluxStatementResult>> ParseAsync(Stream json, CancellationToken cancellationToken)
    {
        using var document = await JsonDocument.ParseAsync(json, default, cancellationToken).ConfigureAwait(false);
        return Parse(document.RootElement);
    }

    public static IReadOnlyList<InfluxStatementResult> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Parse(document.RootElement);
    }

    /// <summary>The <c>error</c> member of an error body, or null when the body is not such JSON.</summary>
    public static string? TryReadError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String
                ? error.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<InfluxStatementResult> Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InfluxException("InfluxDB answered /query with JSON that is not an object.");
        }

        if (!root.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            throw new InfluxException(error is null ? "InfluxDB answered /query without results." : $"InfluxDB query failed: {error}", null, error);
        }

        var parsed = new List<InfluxStatementResult>(results.GetArrayLength());
        foreach (var result in results.EnumerateArray())
        {
            var statementId = result.TryGetProperty("statement_id", out var id) && id.TryGetInt32(out var n) ? n : parsed.Count;
            var error = result.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            var series = result.TryGetProperty("series", out var s) && s.ValueKind == JsonValueKind.Array
                ? ParseSeries(s)
                : [];
            parsed.Add(new InfluxStatementResult(statementId, series, error));
        }

        return parsed;
    }

    private static List<InfluxSeries> ParseSeries(JsonElement array)
    {
        var list = new List<InfluxSeries>(array.GetArrayLength());
        foreach (var series in array.EnumerateArray())
        {
            var name = series.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() ?? "" : "";
            var tags = new Dictionary<string, string>(StringComparer.Ordinal);
            if (series.TryGetProperty("tags", out var t) && t.ValueKind == JsonValueKind.Object)
            {
                foreach (var tag in t.EnumerateObject())
                {
                    tags[tag.Name] = tag.Value.ValueKind == JsonValueKind.String ? tag.Value.GetString() ?? "" : tag.Value.GetRawText();
                }
            }

            var columns = new List<string>();
            if (series.TryGetProperty("columns", out var c) && c.ValueKind == JsonValueKind.Array)
            {
                foreach (var column in c.EnumerateArray())
                {
                    columns.Add(column.GetString() ?? "");
                }
            }

            var rows = new List<IReadOnlyList<object?>>();
            if (series.TryGetProperty("values", out var v) && v.ValueKind == JsonValueKind.Array)
            {
                foreach (var row in v.EnumerateArray())
                {
                    var cells = new object?[row.GetArrayLength()];
                    var i = 0;
                    foreach (var cell in row.EnumerateArray())
                    {
                        cells[i++] = ReadCell(cell);
                    }

                    rows.Add(cells);
                }
            }

            list.Add(new InfluxSeries(name, tags, columns, rows));
        }

        return list;
    }

    private static object? ReadCell(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => cell.GetString(),
        // The cast matters: without it the conditional would widen every long to double.
        JsonValueKind.Number => cell.TryGetInt64(out var integer) ? (object)integer : cell.GetDouble(),
        _ => cell.GetRawText(),
    };
}
