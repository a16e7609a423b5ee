namespace Dashboard.E2E.Tests.TestSupport;

/// <summary>One <see cref="LiveApp"/> with demo traffic, shared by the tests of <see cref="LiveAppCollection"/>.</summary>
public sealed class LiveAppFixture : IAsyncLifetime
{
    private LiveApp? _live;

    public LiveApp Live => _live ?? throw new InvalidOperationException("The app has not started.");

    public async Task InitializeAsync() => _live = await LiveApp.StartAsync("e2e", new Dictionary<string, string>
    {
        ["Demo__Enabled"] = "true",
        ["Demo__Seed"] = "7",
        ["LiveMetrics__PollInterval"] = "00:00:02",
        // Every handoff is open for its whole (8-hour) shift, so the handoff journey runs at any hour.
        ["Shifts__HandoffOpensBefore"] = "08:00:00",
    });

    public async Task DisposeAsync()
    {
        if (_live is not null)
        {
            await _live.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class LiveAppCollection : ICollectionFixture<LiveAppFixture>
{
    public const string Name = "live app";
}
