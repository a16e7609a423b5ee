using System.Text;
using System.Text.Json;
using Dashboard.Core.Audit;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Persistence.Audit;

/// <summary>
/// The file outside the state store that signed checkpoints of the chain's head are appended to, one JSON line
/// each (<c>Audit:CheckpointFile</c>, beside the database by default). Only the newest line is read: verification
/// compares the chain with it.
/// </summary>
public sealed class AuditCheckpointFile(IOptions<AuditChainOptions> options, IOptions<StateStoreOptions> store)
{
    // A checkpoint line is ~300 bytes; the tail read is bounded whatever the file's length.
    private const int TailBytes = 16 * 1024;

    private static readonly JsonSerializerOptions LineOptions = new(JsonSerializerDefaults.Web);

    public string Path { get; } = AuditChainPaths.CheckpointFile(options.Value, store.Value);

    /// <summary>Appends <paramref name="checkpoint"/> and flushes it to disk before returning.</summary>
    public async Task AppendAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(checkpoint, LineOptions) + "\n");
        await using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        await stream.WriteAsync(line, cancellationToken);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>The newest checkpoint; none when the file does not exist or is empty; a problem when its last line is not a checkpoint.</summary>
    public async Task<AuditCheckpointRead> ReadNewestAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Path))
        {
            return new(null, null);
        }

        string tail;
        await using (var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            stream.Seek(Math.Max(0, stream.Length - TailBytes), SeekOrigin.Begin);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            tail = await reader.ReadToEndAsync(cancellationToken);
        }

        var last = tail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (last is null)
        {
            return new(null, null);
        }

        try
        {
            return JsonSerializer.Deserialize<AuditCheckpoint>(last, LineOptions) is { Hash: not null, KeyId: not null, Signature: not null } checkpoint
                ? new(checkpoint, null)
                : new(null, Unreadable());
        }
        catch (JsonException)
        {
            return new(null, Unreadable());
        }
    }

    private string Unreadable() => $"the newest checkpoint in {Path} is not a signed checkpoint: the file was edited";
}
