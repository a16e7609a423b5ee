using Dashboard.Core.Plans;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared;
using Microsoft.Data.Sqlite;

namespace Dashboard.Integration.Tests.SignOffs;

/// <summary>
/// The last GO of a gate is saved, and the state store goes away before the gate is checked (its folder is deleted the
/// moment the sign-off is announced, on the real SQLite store): the lead is told it was saved, never "nothing was
/// changed", so nobody signs twice.
/// </summary>
public sealed class GateStoreLostTests : IAsyncLifetime
{
    private GateHost _host = null!;
    private Guid _id;

    public async Task InitializeAsync()
    {
        _host = await GateHost.CreateAsync();
        _id = await _host.StartedRolloutAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StoreLostRightAfterTheLastGoIsSaved_AnswersSavedNotNothingChanged()
    {
        await _host.RequestSignOffAsync(_id);
        await _host.TickEveryCanaryItemAsync(_id);
        await _host.SignAsync(_id, GateHost.EngineeringLead, SignOffRole.EngineeringLead, "GO", "error rate flat");
        var folder = Path.GetDirectoryName(_host.Store.DatabasePath)!;
        using var lose = _host.Get<RolloutChangeFeed>().Subscribe(change =>
        {
            // Announced right after the save committed: the store is gone for everything that follows.
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        });

        var last = await _host.SignAsync(_id, GateHost.OperationsLead, SignOffRole.OperationsLead, "GO", "p99 fine");

        Assert.True(last.Kind == OutcomeKind.StoreLostAfterSave, $"{last.Kind}: {last.Detail}");
        Assert.Contains("Your sign-off was saved and audited", last.Detail, StringComparison.Ordinal);
        Assert.Contains("Do not repeat", last.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Nothing was changed", last.Detail, StringComparison.Ordinal);
    }
}
