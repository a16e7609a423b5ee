using Dashboard.Web.Features.Access;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.Access;

/// <summary>The short kiosk code's format, reading and guess limit (docs/access.md, "Kiosk links").</summary>
public sealed class KioskShortCodeTests
{
    [Fact]
    public void Generate_GivesTwoGroupsOfFourUnambiguousSymbols_ThatDiffer()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => KioskShortCode.Generate()).ToList();

        Assert.All(codes, code => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", code));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        // Every symbol of the alphabet turns up: the code draws on all 32 (40 bits), not a few.
        Assert.Equal(32, codes.SelectMany(code => code.Replace("-", string.Empty, StringComparison.Ordinal)).Distinct().Count());
    }

    [Theory]
    [InlineData("7KQ2-MX9D")]
    [InlineData("7kq2-mx9d")]
    [InlineData("7KQ2MX9D")]
    [InlineData(" 7kq2 mx9d ")]
    public void TryNormalize_CaseDashAndSpaces_DoNotMatter(string typed)
    {
        Assert.True(KioskShortCode.TryNormalize(typed, out var code));
        Assert.Equal("7KQ2MX9D", code);
        Assert.Equal(KioskShortCode.Hash("7KQ2-MX9D"), KioskShortCode.Hash(typed));
    }

    [Fact]
    public void TryNormalize_LettersMistakenForDigits_ReadAsTheDigits()
    {
        Assert.True(KioskShortCode.TryNormalize("7KQ2-MX9O", out var withO));
        Assert.True(KioskShortCode.TryNormalize("IKQ2-MXLD", out var withIAndL));

        Assert.Equal(("7KQ2MX90", "1KQ2MX1D"), (withO, withIAndL));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("7KQ2-MX9")]
    [InlineData("7KQ2-MX9DA")]
    [InlineData("7KQ2-MX9U")]
    [InlineData("7KQ2_MX9D")]
    [InlineData("../../admin")]
    [InlineData("7KQ2-MX9D-7KQ2-MX9D-7KQ2")]
    public void TryNormalize_AnythingElse_IsNotACode(string? typed)
    {
        Assert.False(KioskShortCode.TryNormalize(typed, out _));
    }

    [Fact]
    public void Attempts_AfterTwentyWrongCodes_RefuseForTheRestOfTheWindow_ThenAllowAgain()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        var attempts = new KioskCodeAttempts(clock);
        for (var i = 0; i < KioskCodeAttempts.MaxFailures - 1; i++)
        {
            attempts.RecordFailure();
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Null(attempts.RetryAfter());
        attempts.RecordFailure();

        Assert.Equal(KioskCodeAttempts.Window - TimeSpan.FromSeconds(KioskCodeAttempts.MaxFailures - 1), attempts.RetryAfter());
        clock.Advance(KioskCodeAttempts.Window - TimeSpan.FromSeconds(KioskCodeAttempts.MaxFailures - 1));
        Assert.Null(attempts.RetryAfter());
    }
}
