using CareerLedger.Testing;
using Microsoft.AspNetCore.Hosting;

namespace CareerLedger.Cli.Tests;

/// <summary><c>ledger register</c> and <c>ledger login</c> against the server's password policy and sign-in rate limits.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AccountSecurityEndToEndTests(AccountSecurityEndToEndTests.StrictApp app)
    : IClassFixture<AccountSecurityEndToEndTests.StrictApp>, IDisposable
{
    private const string Password = "correct horse battery staple";
    private readonly List<CliRunner> _runners = [];

    /// <summary>The app with two token requests per account in 15 minutes.</summary>
    public sealed class StrictApp : LedgerAppFactory
    {
        /// <inheritdoc />
        protected override void ConfigureApp(IWebHostBuilder builder)
        {
            builder.UseSetting("CareerLedger:RateLimits:TokensPerAccount:PermitLimit", "2");
            builder.UseSetting("CareerLedger:RateLimits:TokensPerAccount:Window", "00:15:00");
        }
    }

    public void Dispose()
    {
        foreach (var runner in _runners)
        {
            runner.Dispose();
        }
    }

    private CliRunner NewCli()
    {
        var runner = new CliRunner();
        _runners.Add(runner);
        return runner;
    }

    [Fact]
    public async Task a_common_password_is_refused_in_one_line_naming_the_password_and_nothing_is_saved()
    {
        var cli = NewCli();
        var email = $"cli-{Guid.NewGuid():N}@example.com";
        var result = await cli.RunWithInputAsync("password12\n", "register", "--email", email, "--password-stdin", "--server", app.BaseAddress.ToString());
        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldStartWith("ledger: password refused: This is one of the most commonly used passwords");
        result.Stderr.TrimEnd().ShouldNotContain('\n');
        File.Exists(cli.ConfigFile).ShouldBeFalse();

        // The same e-mail registers with a better password: nothing was written the first time.
        var again = await cli.RunWithInputAsync(Password + "\n", "register", "--email", email, "--password-stdin", "--server", app.BaseAddress.ToString());
        again.ExitCode.ShouldBe(0, again.ToString());
    }

    [Fact]
    public async Task too_many_logins_for_one_account_exit_1_with_one_line_saying_when_to_try_again()
    {
        var cli = NewCli();
        var email = $"cli-{Guid.NewGuid():N}@example.com";
        // register logs in too: the account's first token request.
        (await cli.RunWithInputAsync(Password + "\n", "register", "--email", email, "--password-stdin", "--server", app.BaseAddress.ToString())).ExitCode.ShouldBe(0);
        (await cli.RunWithInputAsync(Password + "\n", "login", "--email", email, "--password-stdin", "--server", app.BaseAddress.ToString())).ExitCode.ShouldBe(0);

        var refused = await cli.RunWithInputAsync(Password + "\n", "login", "--email", email, "--password-stdin", "--server", app.BaseAddress.ToString());
        refused.ExitCode.ShouldBe(1, refused.ToString());
        refused.Stderr.ShouldBe(
            "ledger: Too many attempts. Too many sign-in attempts for this account (at most 2 every 15 minutes). Try again in 15 minutes."
            + Environment.NewLine);
    }
}
