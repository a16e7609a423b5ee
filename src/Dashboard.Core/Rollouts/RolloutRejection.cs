namespace Dashboard.Core.Rollouts;

/// <summary>Why a command on a rollout was refused; nothing changed.</summary>
public abstract record RolloutRejection(string Message);
