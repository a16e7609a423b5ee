namespace Dashboard.TestSupport;

/// <summary>
/// A person registered at the <see cref="OidcTestProvider"/>: the claims its ID token carries. A null
/// <paramref name="UserName"/> leaves <c>preferred_username</c> out, as some providers do.
/// </summary>
/// <param name="Subject">The <c>sub</c> claim, stable per person.</param>
/// <param name="UserName">The <c>preferred_username</c> claim.</param>
/// <param name="DisplayName">The <c>name</c> claim.</param>
/// <param name="Roles">The <c>roles</c> claim, sent as an array (an empty one too); null sends no roles claim at all.</param>
/// <param name="Email">The <c>email</c> claim, when given.</param>
public sealed record OidcTestUser(string Subject, string? UserName, string DisplayName, IReadOnlyList<string>? Roles, string? Email = null);
