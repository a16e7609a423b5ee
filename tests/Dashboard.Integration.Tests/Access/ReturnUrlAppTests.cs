using System.Net;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Access;

/// <summary>
/// After signing in, the app goes back only to a path of its own: the <c>Location</c> of the real sign-in form's
/// answer, for return addresses a browser could turn into another site.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class ReturnUrlAppTests(AccessTestApp access) : IClassFixture<AccessTestApp>
{
    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/%09/evil.example")]
    [InlineData("/%0a/evil.example")]
    [InlineData("/\u007f/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/%2F/evil.example")]
    [InlineData("/%5Cevil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("evil.example")]
    public async Task SignIn_WithAReturnUrlThatCouldLeaveTheSite_GoesHome(string returnUrl)
    {
        Assert.Equal("/", await SignInLocationAsync(returnUrl));
    }

    [Theory]
    [InlineData("/rollouts")]
    [InlineData("/rollouts/3f6c?tab=events#latest")]
    [InlineData("/warroom/%20board")]
    public async Task SignIn_WithALocalReturnUrl_GoesThere(string returnUrl)
    {
        Assert.Equal(returnUrl, await SignInLocationAsync(returnUrl));
    }

    private async Task<string> SignInLocationAsync(string returnUrl)
    {
        using var client = WarRoomSignIn.NewClient(access.Url);
        var token = WarRoomSignIn.AntiforgeryTokenOf(await client.GetStringAsync("/sign-in"))!;
        using var response = await WarRoomSignIn.PostSignInFormAsync(client, token, TestPeople.Admin, TestPeople.Password, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }
}
