using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Dashboard.TestSupport;

/// <summary>
/// The <see cref="OidcTestProvider"/>'s RSA key, made per run: writes RS256 JWTs by hand (base64url header and
/// payload, RSASSA-PKCS1-v1_5 with SHA-256) and publishes its public half as a JWK.
/// </summary>
internal sealed class OidcSigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public OidcSigningKey()
    {
        // RFC 7638 thumbprint: a key id that changes with the key.
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var canonical = $$"""{"e":"{{Base64Url(parameters.Exponent!)}}","kty":"RSA","n":"{{Base64Url(parameters.Modulus!)}}"}""";
        KeyId = Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    public string KeyId { get; }

    /// <summary>The public key as the <c>jwks_uri</c> document lists it.</summary>
    public object Jwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["kid"] = KeyId,
            ["n"] = Base64Url(parameters.Modulus!),
            ["e"] = Base64Url(parameters.Exponent!),
        };
    }

    /// <summary>A compact JWS: <c>header.payload.signature</c>.</summary>
    public string Sign(IReadOnlyDictionary<string, object> claims)
    {
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = KeyId }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signingInput = $"{header}.{payload}";
        var signature = _rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64Url(signature)}";
    }

    /// <summary>OpenID Connect's <c>at_hash</c>: the left half of the SHA-256 of the access token, base64url.</summary>
    public static string AccessTokenHash(string accessToken) =>
        Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken)).AsSpan(0, 16));

    public static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose() => _rsa.Dispose();
}
