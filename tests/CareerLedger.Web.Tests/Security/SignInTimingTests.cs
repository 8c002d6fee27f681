using System.Net;
using CareerLedger.Testing;
using Xunit.Abstractions;
using static CareerLedger.Web.Tests.Security.SecurityTestSupport;

namespace CareerLedger.Web.Tests.Security;

/// <summary>Token creation takes as long for an unknown e-mail as for a wrong password, so it does not tell who is registered.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SignInTimingTests(LedgerAppFactory app, ITestOutputHelper output) : IClassFixture<LedgerAppFactory>
{
    private const int Attempts = 25;

    [Fact]
    public async Task a_wrong_password_and_an_unknown_email_take_the_same_time()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateClient();
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = -2; i < Attempts; i++)
        {
            // Interleaved, alternating which goes first, so that load on the machine falls on both alike; two warm-up rounds.
            var knownCall = () => SignInAsync(client, user.Email, $"not the password {i}");
            var unknownCall = () => SignInAsync(client, $"nobody-{Guid.NewGuid():N}@example.com", $"not the password {i}");
            var (first, second) = i % 2 == 0 ? (knownCall, unknownCall) : (unknownCall, knownCall);
            var a = await TimeAsync(first);
            var b = await TimeAsync(second);
            a.Response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            b.Response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            if (i >= 0)
            {
                (i % 2 == 0 ? known : unknown).Add(a.Ms);
                (i % 2 == 0 ? unknown : known).Add(b.Ms);
            }
        }

        var knownMedian = Median(known);
        var unknownMedian = Median(unknown);
        output.WriteLine($"median of {Attempts}: wrong password for a registered e-mail {knownMedian:0.0} ms, unknown e-mail {unknownMedian:0.0} ms");
        Math.Abs(knownMedian - unknownMedian).ShouldBeLessThanOrEqualTo(
            0.2 * Math.Max(knownMedian, unknownMedian),
            $"wrong password {knownMedian:0.0} ms vs unknown e-mail {unknownMedian:0.0} ms");
    }
}
