using Dashboard.Core.Audit;

namespace Dashboard.Core.Tests.Audit;

public sealed class AuditKeyedChainTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly AuditChainKey Key = AuditChainKey.FromBase64(Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()));
    private static readonly AuditChainKey NextKey = AuditChainKey.FromBase64(Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray()));
    private static readonly AuditKeyRing Keys = new(Key, []);

    /// <summary>A chain whose first <paramref name="unkeyed"/> records predate keying and the rest are keyed with <paramref name="key"/>.</summary>
    private static List<AuditEntry> Chain(int count, int unkeyed = 0, AuditChainKey? key = null, List<AuditEntry>? before = null)
    {
        var entries = before ?? [];
        for (var i = 1; i <= count; i++)
        {
            var sequence = entries.Count + 1;
            var record = new AuditRecord(sequence, T0.AddSeconds(sequence), "alice", "traffic.changeRequested", null, $$"""{"toPercent":{{sequence}}}""");
            entries.Add(AuditChain.Append(entries.LastOrDefault(), record, sequence <= unkeyed ? null : key ?? Key));
        }

        return entries;
    }

    private static AuditCheckpoint CheckpointOf(List<AuditEntry> chain, long keyedFrom) =>
        AuditCheckpoint.Sign(chain.Count, chain[^1].Hash, T0.AddHours(1), keyedFrom, Key);

    private static List<AuditEntry> RecomputedWithoutTheKey(IEnumerable<AuditEntry> chain)
    {
        var recomputed = new List<AuditEntry>();
        foreach (var entry in chain)
        {
            recomputed.Add(AuditChain.Append(recomputed.LastOrDefault(), entry.Record));
        }

        return recomputed;
    }

    [Fact]
    public void ComputeHash_Keyed_DiffersFromUnkeyedAndByKey()
    {
        var record = new AuditRecord(1, T0, "alice", "k", null, "{}");

        var keyed = AuditChain.ComputeHash(AuditChain.GenesisHash, record, Key);

        Assert.Matches("^[0-9a-f]{64}$", keyed);
        Assert.NotEqual(AuditChain.ComputeHash(AuditChain.GenesisHash, record), keyed);
        Assert.NotEqual(AuditChain.ComputeHash(AuditChain.GenesisHash, record, NextKey), keyed);
    }

    [Fact]
    public void Verify_KeyedChain_IsIntactAndReachesTheCheckpoint()
    {
        var chain = Chain(4);

        var result = AuditChain.Verify(chain, Keys, CheckpointOf(chain, keyedFrom: 1));

        Assert.Equal(AuditVerification.Intact(4, chain[^1].Hash, checkpointSequence: 4), result);
    }

    [Fact]
    public void Verify_WholeChainRecomputedWithoutTheKey_BreaksWhereTheCheckpointSaysKeyingStarts()
    {
        var chain = Chain(4);
        var checkpoint = AuditCheckpoint.Sign(0, AuditChain.GenesisHash, T0, keyedFrom: 1, Key);

        var result = AuditChain.Verify(RecomputedWithoutTheKey(chain), Keys, checkpoint);

        Assert.Equal((false, 1L), (result.IsIntact, result.BrokenAtSequence));
        Assert.Contains("recomputed without the key", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_TailRecomputedWithoutTheKey_IsCaughtEvenWithoutACheckpoint()
    {
        var chain = Chain(4);
        var forged = chain.Take(2).ToList();
        foreach (var entry in chain.Skip(2))
        {
            forged.Add(AuditChain.Append(forged[^1], entry.Record));
        }

        var result = AuditChain.Verify(forged, Keys);

        Assert.Equal((false, 2, 3L), (result.IsIntact, result.Checked, result.BrokenAtSequence));
        Assert.Contains("not keyed but records before it are", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_KeyedHashesRecomputedWithAnotherKey_IsBroken()
    {
        var forged = Chain(3, key: NextKey).Select(e => e with { KeyId = Key.Id }).ToList();

        Assert.Equal(1, AuditChain.Verify(forged, Keys).BrokenAtSequence);
    }

    [Fact]
    public void Verify_NewestRecordsCutBelowTheCheckpoint_ReportsTheTruncation()
    {
        var chain = Chain(5);
        var checkpoint = CheckpointOf(chain, keyedFrom: 1);

        var result = AuditChain.Verify(chain.Take(3), Keys, checkpoint);

        Assert.Equal((false, 3, 4L), (result.IsIntact, result.Checked, result.BrokenAtSequence));
        Assert.Contains("the newest records were removed", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_UnkeyedPrefixThenKeyedRecords_IsIntact()
    {
        var chain = Chain(5, unkeyed: 3);

        var result = AuditChain.Verify(chain, Keys, CheckpointOf(chain, keyedFrom: 4));

        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal([null, null, null, Key.Id, Key.Id], chain.Select(e => e.KeyId));
    }

    [Fact]
    public void Verify_RecordChainedWithAKeyThatIsNotConfigured_IsBroken()
    {
        var chain = Chain(2, key: NextKey);

        var result = AuditChain.Verify(chain, Keys);

        Assert.Equal(1, result.BrokenAtSequence);
        Assert.Contains($"key {NextKey.Id}, which is not configured", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_AfterRotation_TheOldSegmentVerifiesWithTheRetiredKey()
    {
        var chain = Chain(2, key: NextKey, before: Chain(3));
        var oldCheckpoint = CheckpointOf(chain.Take(3).ToList(), keyedFrom: 1);

        var result = AuditChain.Verify(chain, new AuditKeyRing(NextKey, [Key]), oldCheckpoint);

        Assert.True(result.IsIntact, result.Problem);
        Assert.True(oldCheckpoint.IsSignedBy(new AuditKeyRing(NextKey, [Key])));
        Assert.False(oldCheckpoint.IsSignedBy(new AuditKeyRing(NextKey, [])));
    }

    [Fact]
    public void VerifySince_ChecksOnlyWhatCameAfterTheCheckpoint()
    {
        var chain = Chain(6);
        var checkpoint = CheckpointOf(chain.Take(4).ToList(), keyedFrom: 1);

        var result = AuditChain.VerifySince(checkpoint, chain.Skip(3), Keys);
        var rewritten = AuditChain.VerifySince(checkpoint, chain.Skip(3).Select((e, i) => i == 0 ? e with { Hash = new string('a', 64) } : e), Keys);

        Assert.Equal(AuditVerification.Intact(2, chain[^1].Hash, checkpointSequence: 4), result);
        Assert.Equal((false, 4L), (rewritten.IsIntact, rewritten.BrokenAtSequence));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Checkpoint_AnyFieldEdited_IsNoLongerSigned(int field)
    {
        var checkpoint = AuditCheckpoint.Sign(7, new string('c', 64), T0, 3, Key);
        var edited = field switch
        {
            0 => checkpoint with { Sequence = 6 },
            1 => checkpoint with { Hash = new string('d', 64) },
            2 => checkpoint with { At = T0.AddMinutes(1) },
            _ => checkpoint with { KeyedFrom = 8 },
        };

        Assert.True(checkpoint.IsSignedBy(Keys));
        Assert.False(edited.IsSignedBy(Keys));
    }

    [Theory]
    [InlineData("not base64!", "is not base64")]
    [InlineData("AAAA", "holds 3 bytes; an audit chain key needs at least 32")]
    public void FromBase64_MalformedOrShort_SaysWhyWithoutRepeatingTheText(string text, string expected)
    {
        var refused = Assert.Throws<FormatException>(() => AuditChainKey.FromBase64(text));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(text, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyId_IsAFingerprintThatDoesNotRevealTheKey()
    {
        Assert.Matches("^[0-9a-f]{16}$", Key.Id);
        Assert.Equal(Key.Id, AuditChainKey.FromBase64(Key.ToBase64()).Id);
        Assert.NotEqual(Key.Id, NextKey.Id);
        Assert.DoesNotContain(Key.ToBase64(), Key.ToString(), StringComparison.Ordinal);
    }
}
