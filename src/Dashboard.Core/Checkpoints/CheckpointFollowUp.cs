namespace Dashboard.Core.Checkpoints;

/// <summary>What a persisted checkpoint verdict does to its phase (<see cref="CheckpointFollowUps.Decide"/>).</summary>
public enum CheckpointFollowUp
{
    /// <summary>A checkpoint before the last one that neither failed nor lacked data: the phase runs on.</summary>
    Continue,

    /// <summary>FAIL or NO_DATA, at any checkpoint: the phase is held for a person's decision.</summary>
    Hold,

    /// <summary>The last checkpoint of an auto-advance phase passed (or warned, under <c>advanceOnWarn</c>): the phase advances by itself.</summary>
    Advance,

    /// <summary>
    /// The last checkpoint of an auto-advance phase had a WARN and the gate does not advance on one: the phase
    /// waits for a person, who may advance it ("auto-advance if ALL pass").
    /// </summary>
    WaitForPerson,

    /// <summary>The last checkpoint of a sign-off phase passed or warned: the phase waits for its leads' GO.</summary>
    RequestSignOff,
}
