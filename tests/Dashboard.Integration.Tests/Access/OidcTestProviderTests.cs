using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Access;

/// <summary>
/// The loopback provider is strict where a real one is (registered redirect URIs, one-time codes, PKCE, client
/// secret) and signs tokens its own JWKS verifies — so the app's successful sign-ins prove the real protocol.
/// </summary>
public sealed class OidcTestProviderTests : IAsyncLifetime, IDisposable
{
    private static readonly Uri RedirectUri = new("http://127.0.0.1:1/signin-oidc");
    private const string Verifier = "a-pkce-code-verifier-of-at-least-forty-three-characters";
    private OidcTestProvider? _provider;
    private OidcTestProvider Provider => _provider!;

    private HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false });

    public async Task InitializeAsync()
    {
        _provider = await OidcTestProvider.StartAsync();
        _provider.RegisterRedirectUri(RedirectUri);
        _provider.NextUser = new OidcTestUser("sub-1", "lena", "Lena Lead", ["EngineeringLead"]);
    }

    public void Dispose() => Http.Dispose();

    public async Task DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    [Fact]
    public async Task Token_WithClientSecretBasic_AnswersAnIdTokenThatTheJwksVerifies()
    {
        var code = await AuthorizeAsync(RedirectUri.AbsoluteUri);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Provider.Issuer}/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = RedirectUri.AbsoluteUri,
                ["code_verifier"] = Verifier,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Provider.ClientId}:{Provider.ClientSecret}")));

        var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var idToken = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id_token").GetString()!;
        var parts = idToken.Split('.');
        var jwks = await Http.GetFromJsonAsync<JsonElement>($"{Provider.Issuer}/jwks");
        var key = jwks.GetProperty("keys")[0];
        using var rsa = RSA.Create(new RSAParameters { Modulus = FromBase64Url(key.GetProperty("n").GetString()!), Exponent = FromBase64Url(key.GetProperty("e").GetString()!) });
        Assert.True(rsa.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), FromBase64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var header = JsonDocument.Parse(FromBase64Url(parts[0])).RootElement;
        Assert.Equal(key.GetProperty("kid").GetString(), header.GetProperty("kid").GetString());
        var claims = JsonDocument.Parse(FromBase64Url(parts[1])).RootElement;
        Assert.Equal(Provider.Issuer, claims.GetProperty("iss").GetString());
        Assert.Equal(Provider.ClientId, claims.GetProperty("aud").GetString());
        Assert.Equal("sub-1", claims.GetProperty("sub").GetString());
        Assert.Equal("the-nonce", claims.GetProperty("nonce").GetString());
        Assert.Equal("lena", claims.GetProperty("preferred_username").GetString());
        Assert.Equal("EngineeringLead", claims.GetProperty("roles")[0].GetString());
    }

    [Fact]
    public async Task Token_WithAWrongCodeVerifier_IsRefused_AndTheCodeIsSpent()
    {
        var code = await AuthorizeAsync(RedirectUri.AbsoluteUri);

        var wrong = await RedeemAsync(code, "another-verifier-that-is-also-forty-three-characters-long");
        var right = await RedeemAsync(code, Verifier);

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("code_verifier", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("invalid_grant", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_WithAWrongClientSecret_IsRefused()
    {
        var code = await AuthorizeAsync(RedirectUri.AbsoluteUri);

        var response = await RedeemAsync(code, Verifier, secret: "not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_client", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_ToAnUnregisteredRedirectUri_AnswersItselfAndRedirectsNowhere()
    {
        var response = await Http.GetAsync(AuthorizeUrl("http://127.0.0.1:2/elsewhere"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    private string AuthorizeUrl(string redirectUri) =>
        $"{Provider.Issuer}/authorize?client_id={Provider.ClientId}&response_type=code&scope=openid%20profile&state=s1&nonce=the-nonce"
        + $"&redirect_uri={Uri.EscapeDataString(redirectUri)}&code_challenge_method=S256"
        + $"&code_challenge={Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";

    private async Task<string> AuthorizeAsync(string redirectUri)
    {
        var response = await Http.GetAsync(AuthorizeUrl(redirectUri));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(redirectUri + "?code=", location.AbsoluteUri, StringComparison.Ordinal);
        Assert.EndsWith("&state=s1", location.AbsoluteUri, StringComparison.Ordinal);
        return Uri.UnescapeDataString(location.Query.Split('&')[0]["?code=".Length..]);
    }

    private Task<HttpResponseMessage> RedeemAsync(string code, string verifier, string? secret = null) =>
        Http.PostAsync($"{Provider.Issuer}/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri.AbsoluteUri,
            ["client_id"] = Provider.ClientId,
            ["client_secret"] = secret ?? Provider.ClientSecret,
            ["code_verifier"] = verifier,
        }));

    private static byte[] FromBase64Url(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);
}
