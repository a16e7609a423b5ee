using Dashboard.Core.Audit;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Persistence.Audit;

/// <summary>
/// Refuses to start with a malformed or unreadable key, both a key and a key file, a malformed retired key, or a
/// checkpoint interval out of range, naming the key. Messages never repeat a key's text.
/// </summary>
public sealed class AuditChainOptionsValidator(IOptions<StateStoreOptions> store) : IValidateOptions<AuditChainOptions>
{
    private const string Prefix = AuditChainOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, AuditChainOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var hasKey = !string.IsNullOrWhiteSpace(options.ChainKey);
        if (hasKey && !string.IsNullOrWhiteSpace(options.ChainKeyFile))
        {
            failures.Add($"Set {Prefix}ChainKey or {Prefix}ChainKeyFile, not both.");
        }
        else if (hasKey)
        {
            Check(failures, $"{Prefix}ChainKey", () => AuditChainKey.FromBase64(options.ChainKey!));
        }
        else
        {
            var path = AuditChainPaths.KeyFile(options, store.Value);
            var configured = !string.IsNullOrWhiteSpace(options.ChainKeyFile);
            if (configured && !File.Exists(path))
            {
                failures.Add($"{Prefix}ChainKeyFile names {path}, which does not exist.");
            }
            else if (File.Exists(path))
            {
                Check(failures, $"{Prefix}ChainKeyFile ({path})", () => AuditKeySource.ReadKeyFile(path));
            }
        }

        for (var i = 0; i < options.RetiredChainKeys.Count; i++)
        {
            var retired = options.RetiredChainKeys[i];
            Check(failures, $"{Prefix}RetiredChainKeys:{i}", () => AuditChainKey.FromBase64(retired));
        }

        if (options.CheckpointInterval < AuditChainOptions.MinCheckpointInterval || options.CheckpointInterval > AuditChainOptions.MaxCheckpointInterval)
        {
            failures.Add($"{Prefix}CheckpointInterval must be between {AuditChainOptions.MinCheckpointInterval} and {AuditChainOptions.MaxCheckpointInterval} (was {options.CheckpointInterval}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string key, Func<AuditChainKey> read)
    {
        try
        {
            read();
        }
        catch (FormatException ex)
        {
            failures.Add($"{key} {ex.Message}.");
        }
        catch (IOException ex)
        {
            failures.Add($"{key} cannot be read: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            failures.Add($"{key} cannot be read: {ex.Message}");
        }
    }
}
