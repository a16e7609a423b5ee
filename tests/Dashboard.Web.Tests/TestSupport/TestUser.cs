using Dashboard.Web.Features.Access;

namespace Dashboard.Web.Tests.TestSupport;

/// <summary>Someone a test host signs in as (<see cref="TestSignIn"/>): a user name and the roles granted.</summary>
internal sealed record TestUser(string UserName, params WarRoomRole[] Roles)
{
    /// <summary>Runs rollouts: every action of the rollout page.</summary>
    public static TestUser Operator { get; } = new("alice", WarRoomRole.Operator);

    /// <summary>Signed in without a grant: reads everything, changes nothing.</summary>
    public static TestUser Viewer { get; } = new("victor");

    /// <summary>A lead and nothing else: may stop the line and record what happened, not move traffic forward.</summary>
    public static TestUser EngineeringLead { get; } = new("erin", WarRoomRole.EngineeringLead);
}
