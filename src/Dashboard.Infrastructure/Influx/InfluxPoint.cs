namespace Dashboard.Infrastructure.Influx;

/// <summary>
/// One point to write: a measurement, tags, typed fields and a timestamp. Built fluently:
/// <c>new InfluxPoint("requests", at).Tag("cohort", "canary").Field("count", 12L)</c>.
/// <see cref="long"/> fields are written as integers (<c>12i</c>), <see cref="double"/> as floats.
/// Names and values that line protocol cannot carry are refused here, with an
/// <see cref="ArgumentException"/> naming the key, so a bad point never poisons a batch.
/// </summary>
public sealed class InfluxPoint
{
    private readonly SortedDictionary<string, string> _tags = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, object> _fields = new(StringComparer.Ordinal);

    public InfluxPoint(string measurement, DateTimeOffset timestamp)
    {
        LineProtocol.ValidateMeasurement(measurement);
        Measurement = measurement;
        Timestamp = timestamp;
    }

    public string Measurement { get; }
    public DateTimeOffset Timestamp { get; }
    public IReadOnlyDictionary<string, string> Tags => _tags;
    public IReadOnlyDictionary<string, object> Fields => _fields;

    public InfluxPoint Tag(string key, string value)
    {
        LineProtocol.ValidateTag(key, value);
        _tags[key] = value;
        return this;
    }

    public InfluxPoint Field(string key, long value) => SetField(key, value);

    public InfluxPoint Field(string key, double value)
    {
        LineProtocol.ValidateFieldValue(key, value);
        return SetField(key, value);
    }

    public InfluxPoint Field(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return SetField(key, value);
    }

    public InfluxPoint Field(string key, bool value) => SetField(key, value);

    private InfluxPoint SetField(string key, object value)
    {
        LineProtocol.ValidateFieldKey(key);
        _fields[key] = value;
        return this;
    }
}
