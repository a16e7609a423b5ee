using Dashboard.Core.Audit;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.Extensions.Options;

namespace Dashboard.Integration.Tests.Persistence;

/// <summary>The <c>Audit</c> settings are refused at start-up with the key named and the key's text never repeated.</summary>
public sealed class AuditChainOptionsValidatorTests : IDisposable
{
    private static readonly string GoodKey = AuditChainKey.Generate().ToBase64();
    private readonly string _folder = Directory.CreateTempSubdirectory("warroom-audit-options-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Validate_NothingConfigured_IsValid_TheKeyFileComesLater() =>
        Assert.True(Validate(new AuditChainOptions()).Succeeded);

    [Fact]
    public void Validate_AKeyOrAKeyFile_IsValid()
    {
        var file = Path.Combine(_folder, "chain.key");
        File.WriteAllText(file, GoodKey + "\n");

        Assert.True(Validate(new AuditChainOptions { ChainKey = GoodKey }).Succeeded);
        Assert.True(Validate(new AuditChainOptions { ChainKeyFile = file, RetiredChainKeys = [GoodKey] }).Succeeded);
    }

    [Theory]
    [InlineData("short", "Audit:ChainKey is not base64")]
    [InlineData("c2hvcnQ=", "Audit:ChainKey holds 5 bytes; an audit chain key needs at least 32")]
    public void Validate_MalformedKey_NamesTheSetting(string key, string expected)
    {
        var result = Validate(new AuditChainOptions { ChainKey = key });

        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(key, result.FailureMessage!.Replace("Audit:ChainKey", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KeyAndKeyFileBoth_MissingFile_BadRetiredKey_BadInterval_AreEachNamed()
    {
        var both = Validate(new AuditChainOptions { ChainKey = GoodKey, ChainKeyFile = "x.key" });
        var missing = Validate(new AuditChainOptions { ChainKeyFile = Path.Combine(_folder, "missing.key") });
        var retired = Validate(new AuditChainOptions { RetiredChainKeys = [GoodKey, "nope!"] });
        var interval = Validate(new AuditChainOptions { CheckpointInterval = TimeSpan.FromSeconds(1) });

        Assert.Contains("Set Audit:ChainKey or Audit:ChainKeyFile, not both.", both.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("missing.key, which does not exist", missing.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Audit:RetiredChainKeys:1 is not base64", retired.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Audit:CheckpointInterval must be between 00:00:10 and 1.00:00:00", interval.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AGeneratedKeyFileThatWasDamaged_IsRefused()
    {
        File.WriteAllText(Path.Combine(_folder, "state.db.audit-key"), "damaged");

        var result = Validate(new AuditChainOptions());

        Assert.Contains("state.db.audit-key) is not base64", result.FailureMessage, StringComparison.Ordinal);
    }

    private ValidateOptionsResult Validate(AuditChainOptions options) =>
        new AuditChainOptionsValidator(Options.Create(new StateStoreOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "state.db")}" }))
            .Validate(null, options);
}
