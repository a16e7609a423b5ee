namespace Dashboard.Core.SignOffs;

/// <summary>A lead's word at a gate.</summary>
public enum SignOffDecision
{
    Go,
    NoGo,
}
