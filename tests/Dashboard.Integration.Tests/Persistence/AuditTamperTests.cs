using Dashboard.Core.Audit;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.TestSupport;
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
        Assert.True((await store.Get<AuditLog>().VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Verify_PayloadEdited_ReportsThatEvent()
    {
        await using var store = await WithFiveEventsAsync();

        await store.ExecuteRawAsync(DropTriggers + """UPDATE AuditEvents SET PayloadJson = '{"to":0}' WHERE Sequence = 3""");

        var verification = await store.Get<AuditLog>().VerifyAsync();
        Assert.Equal((false, 2, 3L), (verification.IsIntact, verification.Checked, verification.BrokenAtSequence));
        Assert.Contains("does not match its hash", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_PayloadEditedAndItsHashRecomputedWithoutTheKey_ReportsThatEvent()
    {
        await using var store = await WithFiveEventsAsync();
        var third = (await store.Get<AuditLog>().ReadAsync())[2];
        const string Edited = """{"to":0}""";
        var forged = AuditChain.ComputeHash(third.PreviousHash, new AuditRecord(3, third.At, third.Actor, third.Kind, third.RolloutId, Edited));

        await store.ExecuteRawAsync(DropTriggers + $"""UPDATE AuditEvents SET PayloadJson = '{Edited}', Hash = '{forged}' WHERE Sequence = 3""");

        var verification = await store.Get<AuditLog>().VerifyAsync();
        Assert.Equal((false, 2, 3L), (verification.IsIntact, verification.Checked, verification.BrokenAtSequence));
        Assert.Contains("record 3 does not match its hash", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_HashEdited_ReportsThatEvent()
    {
        await using var store = await WithFiveEventsAsync();

        await store.ExecuteRawAsync(DropTriggers + $"UPDATE AuditEvents SET Hash = '{new string('a', 64)}' WHERE Sequence = 2");

        var verification = await store.Get<AuditLog>().VerifyAsync();
        Assert.Equal((false, 2L), (verification.IsIntact, verification.BrokenAtSequence));
    }

    [Fact]
    public async Task Verify_MiddleEventDeleted_ReportsTheGap()
    {
        await using var store = await WithFiveEventsAsync();

        await store.ExecuteRawAsync(DropTriggers + "DELETE FROM AuditEvents WHERE Sequence = 3");

        var verification = await store.Get<AuditLog>().VerifyAsync();
        Assert.Equal((false, 2, 3L), (verification.IsIntact, verification.Checked, verification.BrokenAtSequence));
        Assert.Contains("sequence 3 is missing", verification.Problem, StringComparison.Ordinal);
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
        Assert.Equal((false, 1, 2L), (verification.IsIntact, verification.Checked, verification.BrokenAtSequence));
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
        Assert.Equal((false, 5, 6L), (verification.IsIntact, verification.Checked, verification.BrokenAtSequence));
    }

    [Fact]
    public async Task Verify_StoredPreviousHashEdited_IsCaught()
    {
        await using var store = await WithFiveEventsAsync();

        await store.ExecuteRawAsync(DropTriggers + $"UPDATE AuditEvents SET PreviousHash = '{new string('c', 64)}' WHERE Sequence = 4");

        var verification = await store.Get<AuditLog>().VerifyAsync();
        Assert.Equal((false, 3, 4L), (verification.IsIntact, verification.Checked, verification.BrokenAtSequence));
        Assert.Contains("previous hash", verification.Problem, StringComparison.Ordinal);
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
