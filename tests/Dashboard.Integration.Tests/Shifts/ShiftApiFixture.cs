using Dashboard.Integration.Tests.TestSupport;

namespace Dashboard.Integration.Tests.Shifts;

/// <summary>
/// One app for the shift API tests. The handoff is open for the whole shift (<c>HandoffOpensBefore</c> = the shift's
/// length) so the tests do not depend on the time of day they run at; no handoff turns overdue during a test.
/// </summary>
public sealed class ShiftApiFixture(InfluxServerFixture influx) : IAsyncLifetime
{
    private ShiftTestApp? _app;

    public ShiftTestApp App => _app ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() =>
        _app = await new ShiftTestApp(influx.Url, new Dictionary<string, string>
        {
            ["Shifts__HandoffOpensBefore"] = "08:00:00",
            ["Shifts__AcknowledgeWithin"] = "07:59:00",
        }).StartAsync();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
