namespace Dashboard.Core.Audit;

/// <summary>
/// The key new records are chained with (<see cref="Current"/>) and the retired keys that older segments of the
/// chain, and older checkpoints, still verify with.
/// </summary>
public sealed class AuditKeyRing
{
    private readonly Dictionary<string, AuditChainKey> _byId;

    public AuditKeyRing(AuditChainKey current, IEnumerable<AuditChainKey> retired)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(retired);
        Current = current;
        _byId = new(StringComparer.Ordinal) { [current.Id] = current };
        foreach (var key in retired)
        {
            _byId.TryAdd(key.Id, key);
        }
    }

    public AuditChainKey Current { get; }

    public AuditChainKey? Find(string keyId) => _byId.GetValueOrDefault(keyId);
}
