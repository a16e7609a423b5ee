namespace Dashboard.Infrastructure.Persistence.Audit;

/// <summary>
/// The <c>Audit</c> section: the key of the audit chain, kept outside the state store, and the signed
/// checkpoints of its head (docs/security.md, "Audit chain"). With neither <see cref="ChainKey"/> nor
/// <see cref="ChainKeyFile"/> the app generates a key file beside the database on first run and warns.
/// </summary>
public sealed class AuditChainOptions
{
    public const string Section = "Audit";

    /// <summary>The key as base64 (at least 32 bytes), e.g. from an environment variable or a secret store.</summary>
    public string? ChainKey { get; set; }

    /// <summary>A file holding the key as base64; read at start-up.</summary>
    public string? ChainKeyFile { get; set; }

    /// <summary>Earlier keys (base64) that older segments of the chain and older checkpoints still verify with.</summary>
    public IList<string> RetiredChainKeys { get; set; } = [];

    /// <summary>The file signed checkpoints are appended to, one JSON line each; empty = beside the database.</summary>
    public string? CheckpointFile { get; set; }

    /// <summary>How often the head is checkpointed (also once at start-up); 10 seconds to 1 day.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan MinCheckpointInterval = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan MaxCheckpointInterval = TimeSpan.FromDays(1);
}
