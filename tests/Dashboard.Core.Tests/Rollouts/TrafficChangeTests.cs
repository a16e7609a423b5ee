using Dashboard.Core.Rollouts;
using Dashboard.Core.Rollouts.Events;
using static Dashboard.Core.Tests.Rollouts.TestRollouts;

namespace Dashboard.Core.Tests.Rollouts;

public sealed class TrafficChangeTests
{
    private static readonly Guid ChangeId = new("0b7f1d59-7a8f-4a44-8a52-2f6a5a1c9d10");

    private static TrafficChange Requested() =>
        TrafficChange.FromRequest(ChangeId, new TrafficChangeRequested(Id, 1, T0, "bob", "more signal", 1, 10));

    [Fact]
    public void FromRequest_IsRequestedWithWhoWhyAndWhen()
    {
        var change = Requested();

        Assert.Equal(new TrafficChange(ChangeId, Id, 1, 1, 10, "bob", "more signal", T0), change);
        Assert.Equal(TrafficChangeStatus.Requested, change.Status);
    }

    [Fact]
    public void Confirm_ReadBackEqualsRequest_IsApplied()
    {
        var applied = Requested().Confirm(10, T0.AddSeconds(1));

        Assert.Equal((TrafficChangeStatus.Applied, 10, T0.AddSeconds(1), null), (applied.Status, applied.ReadBackPercent, applied.SettledAt, applied.FailureMessage));
    }

    [Fact]
    public void Confirm_ReadBackDiffers_IsFailedNeverApplied()
    {
        var failed = Requested().Confirm(9, T0.AddSeconds(1));

        Assert.Equal(TrafficChangeStatus.Failed, failed.Status);
        Assert.Equal("the router reports 9 % after the change, not the requested 10 %", failed.FailureMessage);
    }

    [Fact]
    public void Fail_KeepsTheRoutersMessage()
    {
        var failed = Requested().Fail("connect: no such file /run/haproxy/admin.sock", T0.AddSeconds(2));

        Assert.Equal((TrafficChangeStatus.Failed, "connect: no such file /run/haproxy/admin.sock"), (failed.Status, failed.FailureMessage));
        Assert.Null(failed.ReadBackPercent);
    }

    [Fact]
    public void Settle_Twice_Throws()
    {
        var applied = Requested().Confirm(10, T0);

        Assert.Throws<InvalidOperationException>(() => applied.Confirm(10, T0));
        Assert.Throws<InvalidOperationException>(() => applied.Fail("late", T0));
    }
}
