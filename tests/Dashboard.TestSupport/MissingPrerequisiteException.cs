namespace Dashboard.TestSupport;

/// <summary>A program a test needs is not installed; the message says how to install it.</summary>
public sealed class MissingPrerequisiteException(string program, string installCommand)
    : Exception($"'{program}' was not found. Install it with: {installCommand}");
