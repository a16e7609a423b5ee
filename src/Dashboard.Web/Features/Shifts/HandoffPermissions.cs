namespace Dashboard.Web.Features.Shifts;

/// <summary>What someone may do with a shift's handoff: write it (on the shift, or a lead), acknowledge it (on the next shift, or a lead).</summary>
public sealed record HandoffPermissions(bool MayHandOff, bool MayAcknowledge);
