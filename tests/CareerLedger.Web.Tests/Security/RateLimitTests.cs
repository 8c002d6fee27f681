using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareerLedger.Testing;
using Xunit.Abstractions;
using static CareerLedger.Web.Tests.Security.SecurityTestSupport;

namespace CareerLedger.Web.Tests.Security;

/// <summary>The app with small sign-up and sign-in limits (each test uses its own loopback source addresses).</summary>
public sealed class SmallRateLimitsApp() : ConfiguredAppFactory(new Dictionary<string, string>
{
    ["CareerLedger:RateLimits:SignUpPerIp:PermitLimit"] = "3",
    ["CareerLedger:RateLimits:SignUpPerIp:Window"] = "01:00:00",
    ["CareerLedger:RateLimits:TokensPerIp:PermitLimit"] = "5",
    ["CareerLedger:RateLimits:TokensPerIp:Window"] = "00:10:00",
    ["CareerLedger:RateLimits:TokensPerAccount:PermitLimit"] = "3",
    ["CareerLedger:RateLimits:TokensPerAccount:Window"] = "00:15:00",
});

/// <summary>Sign-up and token creation are rate limited per client IP and token creation also per account.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RateLimitTests(SmallRateLimitsApp app, ITestOutputHelper output) : IClassFixture<SmallRateLimitsApp>
{
    [Fact]
    public async Task sign_ups_beyond_the_per_ip_limit_get_429_with_retry_after_and_other_addresses_do_not()
    {
        using var client = ClientFrom(app, "127.0.0.11");
        for (var i = 0; i < 3; i++)
        {
            await RegisterAsync(client, $"signup-{Guid.NewGuid():N}@example.com");
        }

        var refused = await client.PostAsJsonAsync("/api/accounts", new { email = $"signup-{Guid.NewGuid():N}@example.com", password = "correct horse battery staple" });
        (await ShouldBeTooManyRequestsAsync(refused)).ShouldBe(3600);

        using var other = ClientFrom(app, "127.0.0.12");
        await RegisterAsync(other, $"signup-{Guid.NewGuid():N}@example.com");
    }

    [Fact]
    public async Task token_requests_beyond_the_per_ip_limit_get_429_with_retry_after_and_other_addresses_do_not()
    {
        using var client = ClientFrom(app, "127.0.0.21");
        for (var i = 0; i < 5; i++)
        {
            // Different (unknown) e-mails each time: only the per-IP limit applies.
            (await SignInAsync(client, $"nobody-{Guid.NewGuid():N}@example.com", "not the password")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var refused = await SignInAsync(client, $"nobody-{Guid.NewGuid():N}@example.com", "not the password");
        (await ShouldBeTooManyRequestsAsync(refused)).ShouldBe(600);

        using var other = ClientFrom(app, "127.0.0.22");
        (await SignInAsync(other, $"nobody-{Guid.NewGuid():N}@example.com", "not the password")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task token_requests_beyond_the_per_account_limit_get_429_from_any_address_even_with_the_right_password()
    {
        using var registrar = ClientFrom(app, "127.0.0.31");
        var email = $"Account-{Guid.NewGuid():N}@Example.com";
        await RegisterAsync(registrar, email);

        // Three attempts from three addresses, the e-mail spelt differently each time: one account, one budget.
        string[] spellings = [email, email.ToUpperInvariant(), $"  {email.ToLowerInvariant()} "];
        for (var i = 0; i < 3; i++)
        {
            using var client = ClientFrom(app, $"127.0.0.{32 + i}");
            (await SignInAsync(client, spellings[i], "not the password")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var fresh = ClientFrom(app, "127.0.0.35");
        var refused = await SignInAsync(fresh, email, "correct horse battery staple");
        (await ShouldBeTooManyRequestsAsync(refused)).ShouldBe(900);
        var body = await refused.Content.ReadAsStringAsync();
        output.WriteLine(body);
        JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()
            .ShouldBe("Too many sign-in attempts for this account (at most 3 every 15 minutes). Try again in 15 minutes.");

        // Another account from the same address is not affected.
        var someoneElse = $"other-{Guid.NewGuid():N}@example.com";
        await RegisterAsync(registrar, someoneElse);
        (await SignInAsync(fresh, someoneElse, "correct horse battery staple")).StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
