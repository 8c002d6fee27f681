using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareerLedger.Testing;
using CareerLedger.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using static CareerLedger.Web.Tests.Security.SecurityTestSupport;

namespace CareerLedger.Web.Tests.Security;

/// <summary>The password rules at registration (NIST SP 800-63B), and sign-in with Unicode-normalised passwords.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PasswordPolicyTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>
{
    private const string Emoji = "\U0001F600"; // one code point, two UTF-16 units

    /// <summary>Each refused password (by a readable name, built in <see cref="PasswordNamed"/>) and a part of the reason given.</summary>
    public static TheoryData<string, string> Refused => new()
    {
        { "empty", "at least 10 characters" },
        { "short", "at least 10 characters" },
        { "five emoji", "at least 10 characters" },
        { "201 characters", "at most 200 characters" },
        { "ten spaces", "only spaces" },
        { "ten ideographic spaces", "only spaces" },
        { "ten NULs", "control character" }, // refused at the JSON door (TextRules) before the password rules run
        { "a tab inside", "control characters" },
        { "a line break inside", "control characters" },
        { "the e-mail", "your e-mail address" },
        { "password12", "commonly used" },
        { "Password123", "commonly used" },
        { "qwertyuiop", "commonly used" },
        { "1234567890", "commonly used" },
        { "iloveyou123", "commonly used" },
        { "QWERTY123456", "commonly used" },
    };

    private static string PasswordNamed(string name, string email) => name switch
    {
        "empty" => "",
        "short" => "shortpass",
        "five emoji" => string.Concat(Enumerable.Repeat(Emoji, 5)),
        "201 characters" => new string('x', 150) + string.Concat(Enumerable.Repeat(Emoji, 51)),
        "ten spaces" => new string(' ', 10),
        "ten ideographic spaces" => new string('\u3000', 10),
        "ten NULs" => new string('\0', 10),
        "a tab inside" => "correct\thorse battery",
        "a line break inside" => "correct horse\nbattery",
        "the e-mail" => email.ToUpperInvariant(),
        _ => name,
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task a_refused_password_is_a_field_error_on_password_saying_why(string name, string reason)
    {
        var email = $"policy-{Guid.NewGuid():N}@example.com";
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/accounts", new { email, password = PasswordNamed(name, email), timeZone = "UTC" });
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        using var json = JsonDocument.Parse(text);
        var errors = json.RootElement.GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ToArray().ShouldBe(new[] { "password" });
        var messages = errors.GetProperty("password").EnumerateArray().Select(m => m.GetString()!).ToList();
        messages.ShouldHaveSingleItem().ShouldContain(reason, Case.Insensitive);

        // Nothing was written: the e-mail is still free.
        (await client.PostAsJsonAsync("/api/accounts", new { email, password = "correct horse battery staple" })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task two_hundred_emoji_are_two_hundred_characters_and_accepted()
    {
        var email = $"emoji-{Guid.NewGuid():N}@example.com";
        var password = string.Concat(Enumerable.Repeat(Emoji, 200)); // 400 UTF-16 units
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/accounts", new { email, password });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await SignInAsync(client, email, password)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task ten_code_points_are_enough()
    {
        var email = $"ten-{Guid.NewGuid():N}@example.com";
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/accounts", new { email, password = "lichtgrün7" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task a_password_registered_decomposed_signs_in_composed_and_the_other_way_round()
    {
        var composed = "Am\u00E9lie in the garden"; // é as one code point (NFC)
        var decomposed = composed.Normalize(NormalizationForm.FormD); // e + combining acute
        decomposed.ShouldNotBe(composed);
        using var client = app.CreateClient();

        var first = $"nfd-{Guid.NewGuid():N}@example.com";
        await RegisterAsync(client, first, decomposed);
        (await SignInAsync(client, first, composed)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await SignInAsync(client, first, decomposed)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var second = $"nfc-{Guid.NewGuid():N}@example.com";
        await RegisterAsync(client, second, composed);
        (await SignInAsync(client, second, decomposed)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task an_account_hashed_over_the_raw_password_before_normalisation_still_signs_in_and_is_moved_to_the_normalised_hash()
    {
        var composed = "Ren\u00E9e's long walk home";
        var decomposed = composed.Normalize(NormalizationForm.FormD);
        var email = $"legacy-{Guid.NewGuid():N}@example.com";
        using var client = app.CreateClient();
        await RegisterAsync(client, email, "correct horse battery staple");

        // What the earlier version stored: a hash of the password exactly as typed (here decomposed).
        var legacyHash = new PasswordHasher<User>().HashPassword(null!, decomposed);
        await using (var db = NpgsqlDataSource.Create(app.ConnectionString))
        await using (var cmd = db.CreateCommand("update ledger.users set password_hash = $1 where email_normalized = $2"))
        {
            cmd.Parameters.AddWithValue(legacyHash);
            cmd.Parameters.AddWithValue(email);
            (await cmd.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        (await SignInAsync(client, email, decomposed)).StatusCode.ShouldBe(HttpStatusCode.Created);
        // That sign-in stored the hash of the normalised form, so the composed spelling works from now on too.
        (await SignInAsync(client, email, composed)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await SignInAsync(client, email, decomposed)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
