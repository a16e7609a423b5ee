using System.Globalization;
using System.Text.Json;
using Dashboard.Core.Audit;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Persistence;

/// <summary>
/// Someone holds the database file but not the key or the checkpoint file: they drop the triggers and recompute the
/// whole chain with the unkeyed algorithm, cut off the newest events, or edit the checkpoint. Each is caught, on a
/// real SQLite file through the real log, key source and checkpoint writer.
/// </summary>
public sealed class AuditKeyedChainTests
{
    private const string DropTriggers = "DROP TRIGGER AuditEvents_NoUpdate; DROP TRIGGER AuditEvents_NoDelete; ";

    [Fact]
    public async Task Append_ChainsEveryEventWithTheKey_AndTheCheckpointFileHoldsTheSignedHead()
    {
        await using var store = await WithEventsAsync(5);

        var outcome = await store.Get<AuditCheckpointWriter>().WriteAsync();

        var events = await store.Get<AuditLog>().ReadAsync();
        var keys = store.Get<AuditKeySource>().Keys;
        Assert.All(events, e => Assert.Equal(keys.Current.Id, e.KeyId));
        var newest = (await store.Get<AuditCheckpointFile>().ReadNewestAsync()).Checkpoint!;
        Assert.Equal((true, 5L, events[^1].Hash, 1L), (outcome.Written, newest.Sequence, newest.Hash, newest.KeyedFrom));
        Assert.True(newest.IsSignedBy(keys));
        Assert.Equal(2, File.ReadAllLines(store.Get<AuditCheckpointFile>().Path).Length);
        var verification = await store.Get<AuditLog>().VerifyAsync();
        Assert.Equal(AuditVerification.Intact(5, events[^1].Hash, checkpointSequence: 5), verification);
    }

    [Fact]
    public async Task Verify_WholeChainRecomputedWithTheUnkeyedAlgorithm_IsCaught()
    {
        await using var store = await WithEventsAsync(5);
        var forged = new List<AuditEntry>();
        var sql = DropTriggers;
        foreach (var e in await store.Get<AuditLog>().ReadAsync())
        {
            var entry = AuditChain.Append(forged.LastOrDefault(), e.ToEntry().Record);
            sql += $"UPDATE AuditEvents SET KeyId = NULL, Hash = '{entry.Hash}', PreviousHash = '{forged.LastOrDefault()?.Hash ?? AuditChain.GenesisHash}' WHERE Sequence = {e.Sequence}; ";
            forged.Add(entry);
        }

        await store.ExecuteRawAsync(sql);

        var verification = await store.Get<AuditLog>().VerifyAsync();
        Assert.Equal((false, 0, 1L), (verification.IsIntact, verification.Checked, verification.BrokenAtSequence));
        Assert.Contains("recomputed without the key", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_NewestEventsDeletedAfterTheCheckpoint_ReportsTheTruncation()
    {
        await using var store = await WithEventsAsync(5);
        await store.Get<AuditCheckpointWriter>().WriteAsync();

        await store.ExecuteRawAsync(DropTriggers + "DELETE FROM AuditEvents WHERE Sequence >= 4");

        var verification = await store.Get<AuditLog>().VerifyAsync();
        Assert.Equal((false, 3, 4L), (verification.IsIntact, verification.Checked, verification.BrokenAtSequence));
        Assert.Contains("names record 5: the newest records were removed", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AnEditedField_IsCaught()
    {
        await using var store = await WithEventsAsync(5);
        await store.Get<AuditCheckpointWriter>().WriteAsync();

        await store.ExecuteRawAsync(DropTriggers + "UPDATE AuditEvents SET Actor = 'mallory' WHERE Sequence = 2");

        var verification = await store.Get<AuditLog>().VerifyAsync();
        Assert.Equal((false, 1, 2L), (verification.IsIntact, verification.Checked, verification.BrokenAtSequence));
    }

    [Fact]
    public async Task Verify_AnUnkeyedChainOfAnOlderBuildFollowedByKeyedEvents_IsIntact_AndItsRecomputeIsStillCaught()
    {
        await using var store = await WithOlderBuildChainAsync(3);
        await store.Get<AuditCheckpointWriter>().WriteAsync();
        var log = store.Get<AuditLog>();
        await log.AppendAsync("bob", "traffic.applied", null, new { to = 40 });
        await log.AppendAsync("bob", "traffic.applied", null, new { to = 50 });

        var events = await log.ReadAsync();
        var verification = await log.VerifyAsync();
        var firstCheckpoint = (await store.Get<AuditCheckpointFile>().ReadNewestAsync()).Checkpoint!;

        Assert.Equal(AuditVerification.Intact(5, events[^1].Hash, checkpointSequence: 3), verification);
        Assert.Equal(4, firstCheckpoint.KeyedFrom);
        Assert.Equal([false, false, false, true, true], events.Select(e => e.KeyId is not null));

        // The keyed events recomputed with the unkeyed rule, joined to the genuine unkeyed prefix.
        var forged = events.Take(3).Select(e => e.ToEntry()).ToList();
        var sql = DropTriggers;
        foreach (var e in events.Skip(3))
        {
            var entry = AuditChain.Append(forged[^1], e.ToEntry().Record);
            sql += $"UPDATE AuditEvents SET KeyId = NULL, Hash = '{entry.Hash}', PreviousHash = '{forged[^1].Hash}' WHERE Sequence = {e.Sequence}; ";
            forged.Add(entry);
        }

        await store.ExecuteRawAsync(sql);
        var recomputed = await log.VerifyAsync();
        Assert.Equal((false, 4L), (recomputed.IsIntact, recomputed.BrokenAtSequence));
        Assert.Contains("every record from 4 on is", recomputed.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_CheckpointEditedToHideATruncation_IsCaught()
    {
        await using var store = await WithEventsAsync(5);
        await store.Get<AuditCheckpointWriter>().WriteAsync();
        var third = (await store.Get<AuditLog>().ReadAsync())[2];
        var file = store.Get<AuditCheckpointFile>().Path;
        var lines = File.ReadAllLines(file);
        var newest = JsonSerializer.Deserialize<AuditCheckpoint>(lines[^1], JsonSerializerOptions.Web)!;

        // Cut the newest two events and point the newest checkpoint at the new head, keeping its signature.
        await store.ExecuteRawAsync(DropTriggers + "DELETE FROM AuditEvents WHERE Sequence >= 4");
        lines[^1] = JsonSerializer.Serialize(newest with { Sequence = 3, Hash = third.Hash }, JsonSerializerOptions.Web);
        await File.WriteAllLinesAsync(file, lines);

        var verification = await store.Get<AuditLog>().VerifyAsync();
        Assert.False(verification.IsIntact);
        Assert.Contains("(record 3) is not signed by a configured key", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_CheckpointLineGarbled_IsNotIntact()
    {
        await using var store = await WithEventsAsync(2);
        await File.AppendAllTextAsync(store.Get<AuditCheckpointFile>().Path, "{\"sequence\":9}\n");

        var verification = await store.Get<AuditLog>().VerifyAsync();

        Assert.False(verification.IsIntact);
        Assert.Contains("is not a signed checkpoint", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_KeyedEventsWithNoCheckpointAtAll_IsNotIntact()
    {
        await using var store = await WithEventsAsync(2);
        File.Delete(store.Get<AuditCheckpointFile>().Path);

        var verification = await store.Get<AuditLog>().VerifyAsync();

        Assert.False(verification.IsIntact);
        Assert.Contains("there is no signed checkpoint of the head", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteCheckpoint_ChainEditedSinceTheLastCheckpoint_RefusesToSign()
    {
        await using var store = await WithEventsAsync(5);
        var writer = store.Get<AuditCheckpointWriter>();
        await writer.WriteAsync();
        await store.Get<AuditLog>().AppendAsync("bob", "traffic.applied", null, new { to = 60 });
        await store.ExecuteRawAsync(DropTriggers + """UPDATE AuditEvents SET PayloadJson = '{"to":0}' WHERE Sequence = 6""");

        var outcome = await writer.WriteAsync();

        Assert.Equal((false, null), (outcome.Written, outcome.Checkpoint));
        Assert.Contains("record 6 does not match its hash", outcome.Problem, StringComparison.Ordinal);
        Assert.Equal(5, (await store.Get<AuditCheckpointFile>().ReadNewestAsync()).Checkpoint!.Sequence);
    }

    [Fact]
    public async Task WriteCheckpoint_HeadUnchanged_WritesNothing()
    {
        await using var store = await WithEventsAsync(2);
        var writer = store.Get<AuditCheckpointWriter>();
        await writer.WriteAsync();

        var again = await writer.WriteAsync();

        Assert.Equal((false, 2L), (again.Written, again.Checkpoint!.Sequence));
        Assert.Equal(2, File.ReadAllLines(store.Get<AuditCheckpointFile>().Path).Length);
    }

    [Fact]
    public async Task KeySource_WithoutConfiguration_GeneratesOneKeyFileBesideTheDatabaseAndKeepsIt()
    {
        await using var store = await WithEventsAsync(1);
        var path = store.DatabasePath + ".audit-key";
        var first = store.Get<AuditKeySource>().Keys.Current.Id;

        await store.RestartAsync();

        Assert.True(File.Exists(path));
        Assert.Equal(first, store.Get<AuditKeySource>().Keys.Current.Id);
        Assert.True((await store.Get<AuditLog>().VerifyAsync()).IsIntact);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    private static async Task<TestStateStore> WithEventsAsync(int count)
    {
        var store = await TestStateStore.CreateAsync();
        var log = store.Get<AuditLog>();
        for (var i = 1; i <= count; i++)
        {
            await log.AppendAsync("alice", "traffic.applied", null, new { to = i * 10 });
        }

        return store;
    }

    /// <summary>A store as an older build left it: <paramref name="count"/> unkeyed events and no checkpoint file.</summary>
    private static async Task<TestStateStore> WithOlderBuildChainAsync(int count)
    {
        var store = await TestStateStore.CreateAsync();
        File.Delete(store.Get<AuditCheckpointFile>().Path);
        var chain = new List<AuditEntry>();
        var sql = string.Empty;
        for (var sequence = 1; sequence <= count; sequence++)
        {
            var at = StoredRollouts.T0.AddSeconds(sequence);
            var record = new AuditRecord(sequence, at, "alice", "traffic.applied", null, $$"""{"to":{{sequence * 10}}}""");
            var entry = AuditChain.Append(chain.LastOrDefault(), record);
            sql += "INSERT INTO AuditEvents (Sequence, At, Actor, Kind, RolloutId, PayloadJson, PreviousHash, Hash) VALUES " +
                $"({sequence}, '{at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)}', 'alice', 'traffic.applied', NULL, " +
                $"'{record.PayloadJson}', '{chain.LastOrDefault()?.Hash ?? AuditChain.GenesisHash}', '{entry.Hash}'); ";
            chain.Add(entry);
        }

        await store.ExecuteRawAsync(sql);
        return store;
    }
}
