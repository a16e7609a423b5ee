namespace Dashboard.Web.Features.Access.Admin;

/// <summary>A new API key and its token (<c>wrk_…</c>): the only time the token is ever shown — only its hash is kept.</summary>
public sealed record CreatedApiKey(ApiKeyView Key, string Token);
