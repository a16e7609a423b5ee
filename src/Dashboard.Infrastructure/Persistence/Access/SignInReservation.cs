namespace Dashboard.Infrastructure.Persistence.Access;

/// <summary>
/// The answer of <see cref="PeopleStore.ReserveSignInAttemptAsync"/>: either the attempt was counted before its
/// password is checked (<see cref="Attempt"/>, and the lock it set when it was the last one allowed), or the
/// person is locked out and no password may be checked.
/// </summary>
public sealed record SignInReservation(bool Reserved, int Attempt, DateTimeOffset? LockedUntil)
{
    public static SignInReservation Locked(DateTimeOffset until) => new(false, 0, until);
}
