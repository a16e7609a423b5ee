namespace Dashboard.Web.Features.Access;

/// <summary>Who is behind an <see cref="Actor"/>.</summary>
public enum ActorKind
{
    /// <summary>Nobody signed in. May do nothing.</summary>
    Anonymous,

    /// <summary>A signed-in person (password or OpenID Connect).</summary>
    Person,

    /// <summary>Automation calling the API with a key; holds the key's roles.</summary>
    ApiKey,

    /// <summary>A war-room screen opened with a kiosk link: reads <c>/warroom</c>, does nothing else.</summary>
    Kiosk,

    /// <summary>The app itself (checkpoints, guardrails, gates). Never built from a request.</summary>
    Automation,
}
