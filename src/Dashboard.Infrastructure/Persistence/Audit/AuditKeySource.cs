using Dashboard.Core.Audit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Persistence.Audit;

/// <summary>
/// The audit chain's keys, from <c>Audit:ChainKey</c>, else <c>Audit:ChainKeyFile</c>, else a key file generated
/// beside the database on first run (so the quick start needs no setting; a warning says the key then sits next
/// to what it protects). The options validator has already refused a malformed key.
/// </summary>
public sealed partial class AuditKeySource
{
    private readonly Lazy<AuditKeyRing> _keys;

    public AuditKeySource(IOptions<AuditChainOptions> options, IOptions<StateStoreOptions> store, ILogger<AuditKeySource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        _keys = new(() => Load(options.Value, store.Value, logger));
    }

    public AuditKeyRing Keys => _keys.Value;

    internal static AuditChainKey ReadKeyFile(string path) => AuditChainKey.FromBase64(File.ReadAllText(path));

    private static AuditKeyRing Load(AuditChainOptions options, StateStoreOptions store, ILogger logger)
    {
        var retired = options.RetiredChainKeys.Select(AuditChainKey.FromBase64);
        if (!string.IsNullOrWhiteSpace(options.ChainKey))
        {
            return new(AuditChainKey.FromBase64(options.ChainKey), retired);
        }

        var path = AuditChainPaths.KeyFile(options, store);
        if (string.IsNullOrWhiteSpace(options.ChainKeyFile))
        {
            GenerateUnlessPresent(path);
            LogKeyBesideDatabase(logger, path);
        }

        return new(ReadKeyFile(path), retired);
    }

    private static void GenerateUnlessPresent(string path)
    {
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Written whole under another name, then moved: a second instance starting at once never reads half a key.
        var draft = $"{path}.{Guid.NewGuid():N}.tmp";
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(draft, file))
        {
            writer.WriteLine(AuditChainKey.Generate().ToBase64());
        }

        try
        {
            File.Move(draft, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(draft);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The audit chain key is {Path}, generated beside the state store: whoever holds that folder can rewrite the chain unnoticed. Set Audit:ChainKey or Audit:ChainKeyFile to a secret kept elsewhere (docs/security.md)")]
    private static partial void LogKeyBesideDatabase(ILogger logger, string path);
}
