namespace Dashboard.Web.Features.Shifts;

/// <summary>Who is on a shift: the operations primary and secondary and the leads on duty.</summary>
public sealed record ShiftRoster(RosterSource Source, RosterPerson? Primary, RosterPerson? Secondary, IReadOnlyList<RosterPerson> Leads)
{
    public static ShiftRoster Empty { get; } = new(RosterSource.None, null, null, []);

    /// <summary>Everyone on the shift, primary first.</summary>
    public IEnumerable<RosterPerson> Everyone => new[] { Primary, Secondary }.OfType<RosterPerson>().Concat(Leads);

    /// <summary>True when <paramref name="userName"/> is on the shift (user names compare case-insensitively, as sign-in does).</summary>
    public bool Includes(string userName) => Everyone.Any(p => string.Equals(p.UserName, userName, StringComparison.OrdinalIgnoreCase));
}
