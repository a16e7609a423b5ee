using Dashboard.Core.Audit;

namespace Dashboard.Core.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly Guid RolloutId = new("5d0c8f2e-3a41-4b7e-9a55-1f2e3d4c5b6a");
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static List<AuditEntry> Chain(int count)
    {
        var entries = new List<AuditEntry>();
        for (var sequence = 1; sequence <= count; sequence++)
        {
            var record = new AuditRecord(sequence, T0.AddSeconds(sequence), "alice", "traffic.changeRequested", RolloutId, $$"""{"toPercent":{{sequence}}}""");
            entries.Add(AuditChain.Append(entries.LastOrDefault(), record));
        }

        return entries;
    }

    private static AuditVerification VerifyWithSecondRecord(Func<AuditRecord, AuditRecord> edit)
    {
        var chain = Chain(4);
        chain[1] = chain[1] with { Record = edit(chain[1].Record) };
        return AuditChain.Verify(chain);
    }

    [Fact]
    public void ComputeHash_IsLowerCaseSha256Hex()
    {
        var hash = AuditChain.ComputeHash(AuditChain.GenesisHash, Chain(1)[0].Record);

        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void ComputeHash_SameInput_SameHash()
    {
        var record = Chain(1)[0].Record;

        Assert.Equal(AuditChain.ComputeHash(AuditChain.GenesisHash, record), AuditChain.ComputeHash(AuditChain.GenesisHash, record with { }));
    }

    [Fact]
    public void ComputeHash_SameInstantInAnotherOffset_SameHash()
    {
        var record = Chain(1)[0].Record;

        Assert.Equal(
            AuditChain.ComputeHash(AuditChain.GenesisHash, record),
            AuditChain.ComputeHash(AuditChain.GenesisHash, record with { At = record.At.ToOffset(TimeSpan.FromHours(2)) }));
    }

    [Fact]
    public void ComputeHash_FieldBoundariesMoved_DiffersBecauseFieldsAreLengthPrefixed()
    {
        var record = Chain(1)[0].Record;

        Assert.NotEqual(
            AuditChain.ComputeHash(AuditChain.GenesisHash, record with { Actor = "ab", Kind = "c" }),
            AuditChain.ComputeHash(AuditChain.GenesisHash, record with { Actor = "a", Kind = "bc" }));
    }

    [Fact]
    public void ComputeHash_NullRolloutIdAndEmptyPayload_Differ()
    {
        var record = Chain(1)[0].Record with { RolloutId = null };

        Assert.NotEqual(
            AuditChain.ComputeHash(AuditChain.GenesisHash, record),
            AuditChain.ComputeHash(AuditChain.GenesisHash, record with { RolloutId = Guid.Empty }));
    }

    [Fact]
    public void Verify_UntouchedChain_IsIntactWithItsHead()
    {
        var chain = Chain(5);

        var result = AuditChain.Verify(chain);

        Assert.Equal(AuditVerification.Intact(5, chain[^1].Hash), result);
    }

    [Fact]
    public void Verify_EmptyChain_IsIntact()
    {
        Assert.Equal(AuditVerification.Intact(0, AuditChain.GenesisHash), AuditChain.Verify([]));
    }

    [Fact]
    public void Verify_ActorChanged_BreaksAtThatRecord()
    {
        Assert.Equal(2, VerifyWithSecondRecord(record => record with { Actor = "mallory" }).BrokenAtSequence);
    }

    [Fact]
    public void Verify_KindChanged_BreaksAtThatRecord()
    {
        Assert.Equal(2, VerifyWithSecondRecord(record => record with { Kind = "phase.advanced" }).BrokenAtSequence);
    }

    [Fact]
    public void Verify_PayloadChanged_BreaksAtThatRecord()
    {
        var result = VerifyWithSecondRecord(record => record with { PayloadJson = """{"toPercent":20}""" });

        Assert.False(result.IsIntact);
        Assert.Equal((2L, 1), (result.BrokenAtSequence, result.Checked));
        Assert.Equal("record 2 does not match its hash: it or the record before it was changed", result.Problem);
    }

    [Fact]
    public void Verify_TimeChangedByOneMicrosecond_BreaksAtThatRecord()
    {
        Assert.Equal(2, VerifyWithSecondRecord(record => record with { At = record.At.AddTicks(10) }).BrokenAtSequence);
    }

    [Fact]
    public void Verify_RolloutIdChanged_BreaksAtThatRecord()
    {
        Assert.Equal(2, VerifyWithSecondRecord(record => record with { RolloutId = Guid.Empty }).BrokenAtSequence);
        Assert.Equal(2, VerifyWithSecondRecord(record => record with { RolloutId = null }).BrokenAtSequence);
    }

    [Fact]
    public void Verify_SequenceChanged_BreaksAtThatRecord()
    {
        Assert.Equal(2, VerifyWithSecondRecord(record => record with { Sequence = 7 }).BrokenAtSequence);
    }

    [Fact]
    public void Verify_HashReplaced_BreaksAtThatRecord()
    {
        var chain = Chain(3);
        chain[1] = chain[1] with { Hash = new string('a', 64) };

        Assert.Equal(2, AuditChain.Verify(chain).BrokenAtSequence);
    }

    [Fact]
    public void Verify_RecordEditedAndRehashed_BreaksAtTheNextRecord()
    {
        var chain = Chain(4);
        var forged = chain[1].Record with { PayloadJson = """{"toPercent":0}""" };
        chain[1] = new AuditEntry(forged, AuditChain.ComputeHash(chain[0].Hash, forged));

        Assert.Equal(3, AuditChain.Verify(chain).BrokenAtSequence);
    }

    [Fact]
    public void Verify_RecordRemoved_ReportsTheMissingSequence()
    {
        var chain = Chain(4);
        chain.RemoveAt(2);

        var result = AuditChain.Verify(chain);

        Assert.Equal((3L, "sequence 3 is missing (found 4)"), (result.BrokenAtSequence, result.Problem));
    }

    [Fact]
    public void Verify_FirstRecordRemoved_IsDetected()
    {
        var chain = Chain(3);
        chain.RemoveAt(0);

        Assert.Equal(1, AuditChain.Verify(chain).BrokenAtSequence);
    }

    [Fact]
    public void Verify_RecordsSwapped_IsDetected()
    {
        var chain = Chain(4);
        (chain[1], chain[2]) = (chain[2], chain[1]);

        var result = AuditChain.Verify(chain);

        Assert.Equal((2L, "sequence 2 is missing (found 3)"), (result.BrokenAtSequence, result.Problem));
    }

    [Fact]
    public void Verify_SwappedAndRenumbered_IsDetectedByTheHashes()
    {
        var chain = Chain(4);
        var second = chain[1].Record;
        var third = chain[2].Record;
        chain[1] = chain[2] with { Record = third with { Sequence = 2 } };
        chain[2] = chain[1] with { Record = second with { Sequence = 3 } };

        Assert.Equal(2, AuditChain.Verify(chain).BrokenAtSequence);
    }

    [Fact]
    public void Verify_RecordDuplicated_IsDetected()
    {
        var chain = Chain(3);
        chain.Insert(2, chain[1]);

        var result = AuditChain.Verify(chain);

        Assert.Equal((3L, "sequence 2 appears where 3 belongs"), (result.BrokenAtSequence, result.Problem));
    }

    [Fact]
    public void Append_OutOfSequence_Throws()
    {
        var chain = Chain(2);

        Assert.Throws<ArgumentException>(() => AuditChain.Append(chain[^1], chain[0].Record));
        Assert.Throws<ArgumentException>(() => AuditChain.Append(null, chain[1].Record));
    }
}
