using Dashboard.Web.Features.Bus;

namespace Dashboard.Integration.Tests.HighAvailability;

/// <summary><c>Bus:Redis</c> is checked at start-up: absent is one instance, a server is a bus, anything else stops the start.</summary>
public sealed class BusOptionsValidatorTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("127.0.0.1:6379")]
    [InlineData("redis:6379,password=secret,ssl=true")]
    public void Validate_AbsentOrNamingAServer_Succeeds(string? redis) =>
        Assert.True(Validate(redis).Succeeded);

    [Fact]
    public void Validate_Empty_FailsNamingTheKey() =>
        Assert.Contains("Bus:Redis is empty", Validate(" ").FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Validate_NoServer_FailsNamingTheKeyWithoutThePassword()
    {
        var message = Validate("password=hunter2,ssl=true").FailureMessage;

        Assert.Contains("Bus:Redis names no server", message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", message, StringComparison.Ordinal);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? redis) =>
        new BusOptionsValidator().Validate(null, new BusOptions { Redis = redis });
}
