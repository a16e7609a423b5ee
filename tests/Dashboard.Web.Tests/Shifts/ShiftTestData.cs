using Dashboard.Infrastructure.Persistence.Access;
using Dashboard.Infrastructure.Persistence.Shifts;
using Dashboard.Web.Features.Shifts;
using Dashboard.Web.Tests.TestSupport;

namespace Dashboard.Web.Tests.Shifts;

/// <summary>People and roster entries the shift tests start from, stored as the app would store them.</summary>
internal static class ShiftTestData
{
    public static async Task PeopleAsync(AppTestHost host, params (string UserName, string Roles)[] people)
    {
        foreach (var (userName, roles) in people)
        {
            await host.Get<PeopleStore>().CreateAsync(new PersonDraft(userName, userName.ToUpperInvariant(), null, roles), "setup");
        }
    }

    /// <summary>Puts <paramref name="primary"/> on every day's shift of <paramref name="pattern"/>.</summary>
    public static Task DefaultAsync(AppTestHost host, string pattern, string primary) =>
        host.Get<RosterStore>().SaveAsync([new RosterAssignmentDraft(pattern, null, null, primary, null, [])], "setup");

    public static async Task<ShiftView> ShiftAsync(AppTestHost host, string id) => (await host.Get<ShiftService>().GetAsync(id)).Value!;
}
