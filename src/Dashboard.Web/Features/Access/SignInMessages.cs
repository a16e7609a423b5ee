using Microsoft.AspNetCore.DataProtection;

namespace Dashboard.Web.Features.Access;

/// <summary>
/// Why a sign-in failed travels to the sign-in page in its redirect URL, protected (authenticated encryption,
/// 10 minutes): the page shows only what the app wrote, so a crafted link cannot put words on the sign-in page.
/// </summary>
public sealed class SignInMessages(IDataProtectionProvider dataProtection)
{
    private readonly ITimeLimitedDataProtector _protector = dataProtection.CreateProtector("WarRoom.SignInMessage.v1").ToTimeLimitedDataProtector();

    /// <summary>The sign-in page's address that shows <paramref name="message"/>.</summary>
    public string SignInUrl(string message, string? returnUrl = null, string? userName = null)
    {
        var url = $"{AccountEndpoints.SignInPath}?error={Uri.EscapeDataString(_protector.Protect(message, TimeSpan.FromMinutes(10)))}";
        if (returnUrl is not null)
        {
            url += $"&returnUrl={Uri.EscapeDataString(AccountEndpoints.SafeReturnUrl(returnUrl))}";
        }

        return userName is { Length: > 0 and <= 100 } ? url + $"&userName={Uri.EscapeDataString(userName)}" : url;
    }

    /// <summary>The message in <paramref name="error"/>, or null when it is absent, expired or not the app's own.</summary>
    public string? Read(string? error)
    {
        if (string.IsNullOrEmpty(error))
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(error);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
