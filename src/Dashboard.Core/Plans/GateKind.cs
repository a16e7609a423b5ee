namespace Dashboard.Core.Plans;

/// <summary>How a phase that has met its criteria moves on.</summary>
public enum GateKind
{
    /// <summary>The phase advances by itself once every checkpoint has passed.</summary>
    AutoAdvance,

    /// <summary>The phase waits for a GO from every required role.</summary>
    SignOff,
}
