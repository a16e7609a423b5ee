using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Access;

/// <summary>
/// The Data Protection key ring (it signs session cookies and kiosk tokens) is encrypted in the state store when a
/// certificate is configured, and sessions still survive a restart; without one the app warns at every start; a
/// certificate that cannot be used stops start-up with one line naming the key. Real app (child process).
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class KeyProtectionAppTests(InfluxServerFixture influx) : IDisposable
{
    private const string Password = "pfx-password-1";
    private const string UnprotectedWarning = "Data Protection keys are stored unencrypted in the state store";
    private readonly AppStateFile _state = AppStateFile.InTemp("warroom-keys");
    private readonly string _certificate = Path.Combine(Path.GetTempPath(), $"warroom-keys-{Guid.NewGuid():N}.pfx");

    [Fact]
    public async Task WithACertificate_KeysAreStoredEncrypted_AndASessionSurvivesARestart()
    {
        WriteCertificate(_certificate, Password);
        var settings = new Dictionary<string, string>
        {
            ["DataProtection__CertificatePath"] = _certificate,
            ["DataProtection__CertificatePassword"] = Password,
        };

        string session;
        await using (var first = await RolloutApiApp.StartAsync(influx.Url, _state.Path, settings))
        {
            session = await SessionCookieAsync(first.Url);
            await first.WaitForAsync(() => Task.FromResult(first.Output), output => output.Contains("Data Protection keys are encrypted with certificate", StringComparison.Ordinal), "the protected-keys line", TimeSpan.FromSeconds(30));
            Assert.DoesNotContain(UnprotectedWarning, first.Output, StringComparison.Ordinal);
        }

        var keys = (string)(await _state.ScalarAsync("SELECT group_concat(Xml, '') FROM DataProtectionKeys"))!;
        Assert.Contains("EncryptedData", keys, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", keys, StringComparison.Ordinal);

        await using var second = await RolloutApiApp.StartAsync(influx.Url, _state.Path, settings);
        using var client = new HttpClient { BaseAddress = second.Url };
        client.DefaultRequestHeaders.Add("Cookie", session);
        using var me = await client.GetAsync("/api/me");
        Assert.Equal(System.Net.HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task WithoutACertificate_TheAppWarnsAtStartUp()
    {
        await using var app = await RolloutApiApp.StartAsync(influx.Url, _state.Path);

        await app.WaitForAsync(() => Task.FromResult(app.Output), output => output.Contains(UnprotectedWarning, StringComparison.Ordinal), "the unprotected-keys warning", TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData(false, Password)]
    [InlineData(true, "wrong password")]
    public async Task WithACertificateThatCannotBeRead_StartUpFailsNamingTheKey(bool exists, string password)
    {
        if (exists)
        {
            WriteCertificate(_certificate, Password);
        }

        await using var app = await AppProcess.RunUntilExitAsync(
            new Dictionary<string, string>
            {
                ["Demo__Enabled"] = "false",
                ["DataProtection__CertificatePath"] = _certificate,
                ["DataProtection__CertificatePassword"] = password,
            },
            TimeSpan.FromSeconds(60));

        Assert.Equal(2, app.ExitCode);
        var line = Assert.Single(app.Output.Split('\n'), l => l.StartsWith("Configuration error:", StringComparison.Ordinal));
        Assert.Contains("DataProtection:CertificatePath", line, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _state.Delete();
        File.Delete(_certificate);
    }

    /// <summary>Signs in through the form and returns the session cookie as a <c>Cookie</c> header value.</summary>
    private static async Task<string> SessionCookieAsync(Uri url)
    {
        var (client, response) = await WarRoomSignIn.TrySignInAsync(url, TestPeople.Admin, TestPeople.Password);
        using (client)
        using (response)
        {
            return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("warroom.session=", StringComparison.Ordinal)).Split(';')[0];
        }
    }

    private static void WriteCertificate(string path, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=war-room-keys-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
    }
}
