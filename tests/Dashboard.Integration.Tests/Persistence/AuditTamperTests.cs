using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.Data.Sqlite;

namespace Dashboard.Integration.Tests.Persistence;

/// <summary>
/// Someone with write access to the file edits the log directly. The triggers stop plain UPDATE and
/// DELETE; with the triggers dropped, verification must still find the edit.
/// </summary>
public sealed class AuditTamperTests
{
    private const string DropTriggers = "DROP TRIGGER AuditEvents_NoUpdate; DROP TRIGGER AuditEvents_NoDelete; ";

    [Theory]
    [InlineData("UPDATE AuditEvents SET Actor = 'mallory' WHERE Sequence = 2", "UPDATE refused")]
    [InlineData("DELETE FROM AuditEvents WHERE Sequence = 2", "DELETE refused")]
    public async Task RawSql_UpdateOrDelete_IsRefusedByTheTriggers(string sql, string message)
    {
        await using var store = await WithFiveEventsAsync();

        var refused = await Assert.ThrowsAsync<SqliteException>(() => store.ExecuteRawAsync(sql));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
        Assert.True((await store.Get<AuditLog>().VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Verify_PayloadEdited_ReportsThatEvent()
    {
        await using var store = await WithFiveEventsAsync();

        await store.ExecuteRawAsync(DropTriggers + """UPDATE AuditEvents SET PayloadJson = '{"to":0}' WHERE Sequence = 3""");

        var verification = await store.Get<AuditLog>().VerifyAsync();
        Assert.Equal((false, 2L, 3L), (verification.Intact, verification.Count, verification.FirstBrokenSequence));
        Assert.Contains("does not match its hash", verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_PayloadEditedAndItsHashRecomputed_ReportsTheNextEvent()
    {
        await using var store = await WithFiveEventsAsync();
        var third = (await store.Get<AuditLog>().ReadAsync())[2];
        third.PayloadJson = """{"to":0}""";
        var forged = AuditEventHash.Compute(third);

        await store.ExecuteRawAsync(DropTriggers + $"""UPDATE AuditEvents SET PayloadJson = '{third.PayloadJson}', Hash = '{forged}' WHERE Sequence = 3""");

        var verification = await store.Get<AuditLog>().VerifyAsync();
        Assert.Equal((false, 3L, 4L), (verification.Intact, verification.Count, verification.FirstBrokenSequence));
        Assert.Contains("does not point at the hash of event 3", verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_HashEdited_ReportsThatEvent()
    {
        await using var store = await WithFiveEventsAsync();

        await store.ExecuteRawAsync(DropTriggers + $"UPDATE AuditEvents SET Hash = '{new string('a', 64)}' WHERE Sequence = 2");

        var verification = await store.Get<AuditLog>().VerifyAsync();
        Assert.Equal((false, 2L), (verification.Intact, verification.FirstBrokenSequence));
    }

    [Fact]
    public async Task Verify_MiddleEventDeleted_ReportsTheGap()
    {
        await using var store = await WithFiveEventsAsync();

        await store.ExecuteRawAsync(DropTriggers + "DELETE FROM AuditEvents WHERE Sequence = 3");

        var verification = await store.Get<AuditLog>().VerifyAsync();
        Assert.Equal((false, 2L, 3L), (verification.Intact, verification.Count, verification.FirstBrokenSequence));
        Assert.Contains("Event 3 is missing", verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_TwoEventsSwapped_ReportsTheFirstOutOfPlace()
    {
        await using var store = await WithFiveEventsAsync();

        await store.ExecuteRawAsync(DropTriggers +
            "UPDATE AuditEvents SET Sequence = -1 WHERE Sequence = 2; " +
            "UPDATE AuditEvents SET Sequence = 2 WHERE Sequence = 4; " +
            "UPDATE AuditEvents SET Sequence = 4 WHERE Sequence = -1;");

        var verification = await store.Get<AuditLog>().VerifyAsync();
        Assert.Equal((false, 1L, 2L), (verification.Intact, verification.Count, verification.FirstBrokenSequence));
    }

    [Fact]
    public async Task Verify_EventInsertedWithTheRightSequence_IsCaught()
    {
        await using var store = await WithFiveEventsAsync();
        var head = (await store.Get<AuditLog>().ReadAsync())[^1];

        await store.ExecuteRawAsync(
            "INSERT INTO AuditEvents (Sequence, At, Actor, Kind, RolloutId, PayloadJson, PreviousHash, Hash) " +
            $"VALUES (6, '2026-11-23T09:00:00.0000000Z', 'mallory', 'traffic.applied', NULL, '{{}}', '{head.Hash}', '{new string('b', 64)}')");

        var verification = await store.Get<AuditLog>().VerifyAsync();
        Assert.Equal((false, 5L, 6L), (verification.Intact, verification.Count, verification.FirstBrokenSequence));
    }

    private static async Task<TestStateStore> WithFiveEventsAsync()
    {
        var store = await TestStateStore.CreateAsync();
        var log = store.Get<AuditLog>();
        var rollout = Guid.NewGuid();
        for (var i = 1; i <= 5; i++)
        {
            await log.AppendAsync("alice", "traffic.applied", rollout, new { to = i * 10 });
        }

        return store;
    }
}
