namespace Dashboard.Web.Features.Shifts;

/// <summary>Where a shift's handoff stands.</summary>
public enum HandoffState
{
    /// <summary>Too early: it opens <c>Shifts:HandoffOpensBefore</c> before the shift ends.</summary>
    NotOpen,

    /// <summary>Open for the outgoing shift to write.</summary>
    Open,

    /// <summary>Handed off; waiting for the incoming shift.</summary>
    HandedOff,

    /// <summary>The incoming shift said "I have it".</summary>
    Acknowledged,
}
