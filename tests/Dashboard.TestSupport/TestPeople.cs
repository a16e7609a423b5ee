namespace Dashboard.TestSupport;

/// <summary>The first admin every test app starts with (<see cref="AppProcess"/> configures it).</summary>
public static class TestPeople
{
    public const string Admin = "admin";

    /// <summary>Long enough for <c>Auth:MinPasswordLength</c>; tests create other people with it too.</summary>
    public const string Password = "war-room-test-password";

    public static readonly string[] AllRoles = ["Admin", "Operator", "EngineeringLead", "OperationsLead", "ProductLead", "FinanceLead"];
}
