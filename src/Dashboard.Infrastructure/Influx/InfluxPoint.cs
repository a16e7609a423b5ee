namespace Dashboard.Infrastructure.Influx;

/// <summary>
/// One point to write: a measurement, tags, typed fields and a timestamp. Built fluently:
/// <c>new InfluxPoint("requests", at).Tag("cohort", "canary").Field("count", 12L)</c>.
/// <see cref="long"/> fields are written as integers (<c>12i</c>), <see cref="double"/> as floats.
/// </summary>
public sealed class InfluxPoint(string measurement, DateTimeOffset timestamp)
{
    private readonly SortedDictionary<string, string> _tags = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, object> _fields = new(StringComparer.Ordinal);

    public string Measurement { get; } = measurement;
    public DateTimeOffset Timestamp { get; } = timestamp;
    public IReadOnlyDictionary<string, string> Tags => _tags;
    public IReadOnlyDictionary<string, object> Fields => _fields;

    public InfluxPoint Tag(string key, string value)
    {
        _tags[key] = value;
        return this;
    }

    public InfluxPoint Field(string key, long value) => SetField(key, value);

    public InfluxPoint Field(string key, double value) => SetField(key, value);

    public InfluxPoint Field(string key, string value) => SetField(key, value);

    public InfluxPoint Field(string key, bool value) => SetField(key, value);

    private InfluxPoint SetField(string key, object value)
    {
        _fields[key] = value;
        return this;
    }
}
