namespace Dashboard.Web.Features.Access.Hosting;

/// <summary>When the app's cookies (session, antiforgery, single sign-on round trip) carry <c>Secure</c> (<c>Auth:CookieSecurePolicy</c>).</summary>
public enum SecureCookies
{
    /// <summary>Always, except for a plain-http request from this machine to a loopback address (<c>http://127.0.0.1</c>, <c>http://localhost</c>).</summary>
    ExceptLoopback,

    /// <summary>Always, even on loopback.</summary>
    Always,

    /// <summary>Only when the request is https: for a plain-http lab on a trusted network, never for production.</summary>
    SameAsRequest,

    /// <summary>The app adds nothing; each cookie keeps the framework's default. Not recommended.</summary>
    None,
}
