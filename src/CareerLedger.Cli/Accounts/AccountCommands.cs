using System.CommandLine;
using System.Net;
using System.Text.Json.Nodes;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Accounts;

/// <summary><c>ledger register</c>, <c>ledger login</c>, <c>ledger logout</c>, <c>ledger whoami</c>.</summary>
internal static class AccountCommands
{
    public static Command Register(CliContext ctx)
    {
        var email = new Option<string>("--email") { Description = "Your e-mail address", Required = true, HelpName = "E" };
        var name = new Option<string>("--name") { Description = "Display name (shown on brag documents)", HelpName = "\"Display Name\"" };
        var zone = new Option<string>("--time-zone")
        {
            Description = "IANA time zone that decides what \"today\" is; default: this machine's (" + LocalTimeZone() + ")",
            HelpName = "Europe/Berlin",
        };
        var stdin = PasswordStdinOption();
        var tokenName = TokenNameOption();
        var command = new Command("register", "Create an account, then log in (the token is saved in the config file)");
        command.Options.Add(email);
        command.Options.Add(name);
        command.Options.Add(zone);
        command.Options.Add(stdin);
        command.Options.Add(tokenName);
        command.SetAction(async (parse, ct) =>
        {
            var config = ctx.Config.Load();
            var server = ctx.ResolveServer(config);
            var address = parse.GetValue(email)!.Trim();
            var password = PasswordSource.Read(ctx, parse.GetValue(stdin), confirm: true);
            using var api = ctx.CreateAnonymousApi(server);
            await api.SendAsync(
                HttpMethod.Post, "api/accounts", ct,
                new { email = address, password, displayName = parse.GetValue(name), timeZone = parse.GetValue(zone) ?? LocalTimeZone() },
                authenticated: false,
                mapError: RefusedSignIn).ConfigureAwait(false);
            return await LogInAsync(ctx, api, config, address, password, parse.GetValue(tokenName), registered: true, ct).ConfigureAwait(false);
        });
        return command;
    }

    public static Command Login(CliContext ctx)
    {
        var email = new Option<string>("--email") { Description = "Your e-mail address (default: the one last used)", HelpName = "E" };
        var stdin = PasswordStdinOption();
        var tokenName = TokenNameOption();
        var command = new Command("login", "Create a personal access token from your e-mail and password and save it");
        command.Options.Add(email);
        command.Options.Add(stdin);
        command.Options.Add(tokenName);
        command.SetAction(async (parse, ct) =>
        {
            var config = ctx.Config.Load();
            var server = ctx.ResolveServer(config);
            var address = parse.GetValue(email)?.Trim() is { Length: > 0 } e ? e
                : config.Email ?? throw CliException.Usage("--email is required (no e-mail saved yet)");
            var password = PasswordSource.Read(ctx, parse.GetValue(stdin), confirm: false);
            using var api = ctx.CreateAnonymousApi(server);
            return await LogInAsync(ctx, api, config, address, password, parse.GetValue(tokenName), registered: false, ct).ConfigureAwait(false);
        });
        return command;
    }

    public static Command Logout(CliContext ctx)
    {
        var command = new Command("logout", "Revoke the saved token on the server and forget it");
        command.SetAction(async (_, ct) =>
        {
            var config = ctx.Config.Load();
            if (config.Token is null)
            {
                ctx.Out.WriteLine(ctx.Json ? """{"loggedOut":false}""" : "Not logged in; nothing to do.");
                return ExitCodes.Ok;
            }

            var server = CliContext.ParseServer(config.Server ?? CliContext.DefaultServer)
                ?? throw CliException.Validation($"{ctx.Config.FilePath}: '{config.Server}' is not an http(s) URL");
            var note = "";
            if (config.TokenId is { } id)
            {
                using var api = new ApiClient(server, config.Token, ctx.Environment.CreateHttpHandler);
                var response = await api.SendAsync(
                    HttpMethod.Delete, $"api/tokens/{id}", ct,
                    accept: s => s is HttpStatusCode.Unauthorized or HttpStatusCode.NotFound).ConfigureAwait(false);
                note = response.Status == HttpStatusCode.NoContent ? "" : " (the server no longer knew the token)";
            }
            else
            {
                note = " (token id unknown, so it was not revoked on the server; revoke it there)";
            }

            ctx.Config.Save(config with { Token = null, TokenId = null });
            if (ctx.Json)
            {
                ctx.Out.WriteLine("""{"loggedOut":true}""");
            }
            else
            {
                ctx.Out.WriteLine($"Logged out of {ApiClient.Display(server)}{note}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command WhoAmI(CliContext ctx)
    {
        var command = new Command("whoami", "Show who the token belongs to");
        command.SetAction(async (_, ct) =>
        {
            using var api = ctx.CreateApi();
            var response = await api.SendAsync(HttpMethod.Get, "api/me", ct).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var me = response.Read<UserDto>();
            var who = me.DisplayName is null ? me.Email : $"{me.DisplayName} <{me.Email}>";
            ctx.Out.WriteLine($"{who} on {ApiClient.Display(api.Server)} (time zone {me.TimeZone})");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<int> LogInAsync(
        CliContext ctx, ApiClient api, LedgerConfig config, string email, string password, string? tokenName, bool registered, CancellationToken ct)
    {
        var response = await api.SendAsync(
            HttpMethod.Post, "api/tokens", ct,
            new { email, password, name = tokenName ?? DefaultTokenName() },
            authenticated: false,
            mapError: (r, problem) => r.Status == HttpStatusCode.Unauthorized
                ? new CliException(ExitCodes.NotLoggedIn, problem?.Title ?? "wrong e-mail or password")
                : RefusedSignIn(r, problem)).ConfigureAwait(false);
        var created = response.Read<CreatedTokenDto>();
        ctx.Config.Save(config with { Server = ApiClient.Display(api.Server), Token = created.Token, TokenId = created.Id, Email = created.User.Email });
        if (ctx.Json)
        {
            // Never print the secret: it is in the config file.
            var node = JsonNode.Parse(response.Body)!.AsObject();
            node.Remove("token");
            ctx.WriteJson(node);
        }
        else
        {
            ctx.Out.WriteLine($"{(registered ? "Registered and logged in" : "Logged in")} as {created.User.Email} on {ApiClient.Display(api.Server)} (time zone {created.User.TimeZone}).");
            ctx.Out.WriteLine($"Token '{created.Name}' saved to {ctx.Config.FilePath}.");
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// A refused sign-up or sign-in as one line (exit 1): a 429 (too many attempts, or the server busy hashing) with when
    /// to try again (from the problem, else from Retry-After); a refused password as "password: why" with the other field
    /// errors. Anything else: the usual mapping.
    /// </summary>
    private static CliException? RefusedSignIn(ApiResponse response, Problem? problem)
    {
        if (response.Status == HttpStatusCode.TooManyRequests)
        {
            var message = problem?.ToMessage() ?? "Too many attempts (HTTP 429).";
            if (!message.Contains("try again", StringComparison.OrdinalIgnoreCase) && response.Headers.RetryAfter?.Delta is { } wait)
            {
                message += $" Try again in {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} s.";
            }

            return CliException.Validation(message);
        }

        if (response.Status == HttpStatusCode.BadRequest && problem is { } p && p.Errors.TryGetValue("password", out var why))
        {
            var others = p.Errors.Where(e => e.Key != "password").Select(e => $"{e.Key}: {string.Join(" ", e.Value)}");
            return CliException.Validation(ApiClient.OneLine(string.Join("; ", others.Prepend($"password refused: {string.Join(" ", why)}"))));
        }

        return null;
    }

    private static Option<bool> PasswordStdinOption() => new("--password-stdin") { Description = "Read the password from the first line of standard input" };

    private static Option<string> TokenNameOption() => new("--token-name") { Description = "What to call the token (default \"ledger CLI on <machine>\")", HelpName = "NAME" };

    private static string DefaultTokenName()
    {
        var name = $"ledger CLI on {Environment.MachineName}";
        return name.Length > 100 ? name[..100] : name;
    }

    internal static string LocalTimeZone()
    {
        var local = TimeZoneInfo.Local;
        if (local.HasIanaId)
        {
            return local.Id;
        }

        return TimeZoneInfo.TryConvertWindowsIdToIanaId(local.Id, out var iana) ? iana : "UTC";
    }
}
