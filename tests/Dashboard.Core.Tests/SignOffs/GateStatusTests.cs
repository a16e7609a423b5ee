using Dashboard.Core.Checklists;
using Dashboard.Core.Plans;
using Dashboard.Core.SignOffs;

namespace Dashboard.Core.Tests.SignOffs;

public sealed class GateStatusTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly PhaseGate Gate = PhaseGate.SignOff(SignOffRole.EngineeringLead, SignOffRole.OperationsLead);
    private static readonly ChecklistTemplate Template = new("t", "T", [new("a", "A")]);

    [Fact]
    public void Evaluate_EveryRoleGo_WithoutChecklist_IsOpen()
    {
        var status = GateStatus.Evaluate(Gate, [Go(SignOffRole.EngineeringLead, 0), Go(SignOffRole.OperationsLead, 1)], null);

        Assert.True(status.IsOpen);
        Assert.Empty(status.Missing);
    }

    [Fact]
    public void Evaluate_OneRoleMissing_IsClosedAndNamesIt()
    {
        var status = GateStatus.Evaluate(Gate, [Go(SignOffRole.EngineeringLead, 0)], null);

        Assert.False(status.IsOpen);
        Assert.Equal([SignOffRole.OperationsLead], status.Missing);
        Assert.Contains("waiting for operations lead", status.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoGo_BlocksAndSaysWhoAndWhy()
    {
        var status = GateStatus.Evaluate(
            Gate, [Go(SignOffRole.EngineeringLead, 0), new(SignOffRole.OperationsLead, SignOffDecision.NoGo, "olga", T0, "pager storm in eu")], null);

        Assert.False(status.IsOpen);
        Assert.Equal("olga", Assert.Single(status.Blockers).By);
        Assert.Contains("NO-GO from olga (operations lead): pager storm in eu", status.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ChangeOfMind_LatestPerRoleCounts()
    {
        var noGoThenGo = GateStatus.Evaluate(
            Gate,
            [Go(SignOffRole.OperationsLead, 5), new(SignOffRole.OperationsLead, SignOffDecision.NoGo, "olga", T0, "wait"), Go(SignOffRole.EngineeringLead, 1)],
            null);
        var goThenNoGo = GateStatus.Evaluate(
            Gate,
            [Go(SignOffRole.OperationsLead, 0), new(SignOffRole.OperationsLead, SignOffDecision.NoGo, "olga", T0.AddMinutes(5), "wait"), Go(SignOffRole.EngineeringLead, 1)],
            null);

        Assert.True(noGoThenGo.IsOpen);
        Assert.False(goThenNoGo.IsOpen);
    }

    [Fact]
    public void Evaluate_SignOffsOfRolesTheGateDoesNotNeed_CountForNothing()
    {
        var status = GateStatus.Evaluate(
            Gate, [Go(SignOffRole.EngineeringLead, 0), Go(SignOffRole.FinanceLead, 1), new(SignOffRole.ProductLead, SignOffDecision.NoGo, "pat", T0, "no")], null);

        Assert.False(status.IsOpen);
        Assert.Empty(status.Blockers);
        Assert.Equal([SignOffRole.OperationsLead], status.Missing);
    }

    [Fact]
    public void Evaluate_AllGoButChecklistOpen_IsClosedUntilTheLastItemIsTicked()
    {
        var gate = Gate.WithChecklist("t");
        SignOff[] signOffs = [Go(SignOffRole.EngineeringLead, 0), Go(SignOffRole.OperationsLead, 1)];

        var open = GateStatus.Evaluate(gate, signOffs, ChecklistState.From(Template, []));
        var ticked = GateStatus.Evaluate(gate, signOffs, ChecklistState.From(Template, [new("a", true, "ann", T0)]));
        var unknown = GateStatus.Evaluate(gate, signOffs, null);

        Assert.False(open.IsOpen);
        Assert.Contains("1 of 1 checklist items open", open.Summary, StringComparison.Ordinal);
        Assert.True(ticked.IsOpen);
        Assert.False(unknown.IsOpen);
    }

    [Fact]
    public void Evaluate_AutoAdvanceGate_IsAlwaysOpen()
    {
        Assert.True(GateStatus.Evaluate(PhaseGate.AutoAdvance, [], null).IsOpen);
    }

    [Fact]
    public void Evaluate_AutoAdvanceGate_SaysWhetherAWarnAdvances()
    {
        Assert.Contains("a WARN waits for a person", GateStatus.Evaluate(PhaseGate.AutoAdvance, [], null).Summary, StringComparison.Ordinal);
        Assert.Contains(
            "passes or warns", GateStatus.Evaluate(PhaseGate.AutoAdvance with { AdvanceOnWarn = true }, [], null).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void WaitingForPerson_IsClosedAndSaysAPersonDecides()
    {
        Assert.False(GateStatus.WaitingForPerson.IsOpen);
        Assert.StartsWith("Waiting for a person:", GateStatus.WaitingForPerson.Summary, StringComparison.Ordinal);
    }

    private static SignOff Go(SignOffRole role, int minute) => new(role, SignOffDecision.Go, role.ToString(), T0.AddMinutes(minute), "ok");
}
