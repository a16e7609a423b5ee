namespace Dashboard.Infrastructure.Persistence.Shifts;

/// <summary>Why a handoff write was refused.</summary>
public enum HandoffRefusal
{
    None,
    AlreadyHandedOff,
    NotHandedOff,
    AlreadyAcknowledged,
}
