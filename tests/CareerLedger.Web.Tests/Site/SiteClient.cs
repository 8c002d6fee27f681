using System.Net;
using System.Text.RegularExpressions;
using CareerLedger.Testing;

namespace CareerLedger.Web.Tests.Site;

/// <summary>A browser-like client of the site (cookies kept, redirects not followed) that signs up through the pages.</summary>
public sealed partial class SiteClient(HttpClient http) : IDisposable
{
    /// <summary>The password every site test user has.</summary>
    public const string Password = "a long and unusual passphrase 42";

    /// <summary>The client.</summary>
    public HttpClient Http { get; } = http;

    /// <summary>The e-mail signed up with.</summary>
    public string Email { get; private set; } = "";

    /// <summary>
    /// A new client of <paramref name="app"/>. The app's clock is set to the real time first: the client's cookie jar expires
    /// cookies by the real clock, and a cookie issued at the fixtures' fixed date would already be expired.
    /// </summary>
    public static SiteClient Create(LedgerAppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Clock.GetUtcNow() < DateTimeOffset.UtcNow.AddDays(-1))
        {
            app.Clock.Set(DateTimeOffset.UtcNow);
        }

        return new(new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer(), UseProxy = false })
        {
            BaseAddress = app.BaseAddress,
        });
    }

    /// <summary>Signs up a new user through <c>/account/signup</c>.</summary>
    public async Task<SiteClient> SignUpAsync(string timeZone = "Europe/Berlin")
    {
        Email = $"site-{Guid.NewGuid():N}@example.com";
        using var response = await PostFormAsync("/account/signup", new() { ["email"] = Email, ["password"] = Password, ["timeZone"] = timeZone, ["displayName"] = "Site User" });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, string.Join(" | ", System.Text.RegularExpressions.Regex.Matches(body, "(field-error|form-errors)[^<]*<[^<]*<?[^<]*").Select(m => m.Value)));
        return this;
    }

    /// <summary>GETs <paramref name="path"/>, reads its form's antiforgery token and POSTs <paramref name="fields"/> with it.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string? formPage = null)
    {
        var token = await AntiforgeryTokenAsync(formPage ?? path);
        fields["__RequestVerificationToken"] = token;
        return await Http.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>The antiforgery token of the first form on <paramref name="path"/>.</summary>
    public async Task<string> AntiforgeryTokenAsync(string path)
    {
        var html = await Http.GetStringAsync(path);
        return TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"No antiforgery token on {path}.");
    }

    /// <inheritdoc />
    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
