using Dashboard.Core.Plans;
using Dashboard.Core.SignOffs;

namespace Dashboard.Core.Tests.SignOffs;

/// <summary>One person signs one role per gate unless the gate says distinctSigners false (docs/sign-offs.md).</summary>
public sealed class DistinctSignersTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly PhaseGate Gate = PhaseGate.SignOff(SignOffRole.EngineeringLead, SignOffRole.OperationsLead);
    private static readonly PhaseGate OnePersonMaySignAll = Gate with { DistinctSigners = false };

    [Fact]
    public void SignOffGate_ByDefault_AsksForDistinctSigners()
    {
        Assert.True(Gate.DistinctSigners);
        Assert.True(PhaseGate.AutoAdvance.DistinctSigners);
    }

    [Fact]
    public void WhyRefused_SamePersonForASecondRole_IsRefusedNamingTheRoleTheySigned()
    {
        var why = DistinctSigners.WhyRefused(Gate, [Sign("alex", SignOffRole.EngineeringLead, 0)], SignOffRole.OperationsLead, "alex");

        Assert.Equal(
            "alex already signed this gate as engineering lead: one person signs one role per gate, so the operations lead must be someone else.",
            why);
    }

    [Fact]
    public void WhyRefused_SamePersonChangingTheirMindForTheSameRole_IsAllowed()
    {
        Assert.Null(DistinctSigners.WhyRefused(Gate, [Sign("alex", SignOffRole.EngineeringLead, 0, SignOffDecision.NoGo)], SignOffRole.EngineeringLead, "alex"));
    }

    [Fact]
    public void WhyRefused_AnotherPersonForTheSecondRole_IsAllowed()
    {
        Assert.Null(DistinctSigners.WhyRefused(Gate, [Sign("alex", SignOffRole.EngineeringLead, 0)], SignOffRole.OperationsLead, "olga"));
    }

    [Fact]
    public void WhyRefused_GateWithDistinctSignersFalse_AllowsOnePersonForEveryRole()
    {
        Assert.Null(DistinctSigners.WhyRefused(OnePersonMaySignAll, [Sign("alex", SignOffRole.EngineeringLead, 0)], SignOffRole.OperationsLead, "alex"));
    }

    [Fact]
    public void Evaluate_OnePersonLatestForBothRoles_StaysClosedAndSaysAnotherLeadMustSign()
    {
        var status = GateStatus.Evaluate(Gate, [Sign("alex", SignOffRole.EngineeringLead, 0), Sign("alex", SignOffRole.OperationsLead, 1)], null);

        Assert.False(status.IsOpen);
        Assert.Empty(status.Missing);
        Assert.Equal(
            "Closed: alex signed as engineering lead and operations lead, but one person signs one role: another lead must sign.",
            status.Summary);
    }

    [Fact]
    public void Evaluate_AnotherLeadSignsOneOfTheRolesLater_Opens()
    {
        var status = GateStatus.Evaluate(
            Gate, [Sign("alex", SignOffRole.EngineeringLead, 0), Sign("alex", SignOffRole.OperationsLead, 1), Sign("olga", SignOffRole.OperationsLead, 2)], null);

        Assert.True(status.IsOpen, status.Summary);
    }

    [Fact]
    public void Evaluate_DistinctSignersFalse_OnePersonOpensTheGate()
    {
        var status = GateStatus.Evaluate(OnePersonMaySignAll, [Sign("alex", SignOffRole.EngineeringLead, 0), Sign("alex", SignOffRole.OperationsLead, 1)], null);

        Assert.True(status.IsOpen, status.Summary);
    }

    private static SignOff Sign(string by, SignOffRole role, int minute, SignOffDecision decision = SignOffDecision.Go) =>
        new(role, decision, by, T0.AddMinutes(minute), "checked");
}
