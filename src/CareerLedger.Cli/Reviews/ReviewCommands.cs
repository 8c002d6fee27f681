using System.CommandLine;
using System.Globalization;
using System.Net;
using CareerLedger.Cli.Infrastructure;
using Spectre.Console;

namespace CareerLedger.Cli.Reviews;

/// <summary><c>ledger review add|list|show|revise|retract</c>: performance reviews (<c>/api/reviews</c>, docs/cli.md).</summary>
internal static class ReviewCommands
{
    /// <summary>Review ids, as <c>ledger review list --all</c> shows them (retracted ones included).</summary>
    private static readonly IdResolver<ReviewDto> Ids = new(
        "api/reviews?includeRetracted=true", r => r.Id, new("a review id", "ledger review list --all", "review", "review ids"));

    public static Command Create(CliContext ctx)
    {
        var command = new Command("review", "Record and keep your performance reviews; they appear in the brag document and in readiness");
        command.Subcommands.Add(Add(ctx));
        command.Subcommands.Add(List(ctx));
        command.Subcommands.Add(Show(ctx));
        command.Subcommands.Add(Revise(ctx));
        command.Subcommands.Add(Retract(ctx));
        return command;
    }

    private static Command Add(CliContext ctx)
    {
        var text = new Argument<string?>("TEXT") { Description = "What the review says (or use --text-file)", Arity = ArgumentArity.ZeroOrOne };
        var options = new ReviewOptions();
        var command = new Command("add", "Record a performance review (safe to retry: each run sends a fresh Idempotency-Key)");
        command.Arguments.Add(text);
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var body = await options.ReadAsync(ctx, parse, parse.GetValue(text), ct).ConfigureAwait(false);
            using var api = ctx.CreateApi();
            var response = await api.SendAsync(
                HttpMethod.Post, "api/reviews", ct, body,
                headers: new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() }).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var saved = response.Read<ReviewDto>();
            ctx.Out.WriteLine($"{(response.Status == HttpStatusCode.Created ? "Recorded" : "Already recorded")} {saved.Id}: {saved.Summary}, {saved.PeriodStart} to {saved.PeriodEnd}");
            WriteFacts(ctx, saved);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliContext ctx)
    {
        var from = new Option<string>("--from") { Description = "Only reviews whose period ends on or after this day (yyyy-MM-dd)", HelpName = "yyyy-MM-dd" };
        var to = new Option<string>("--to") { Description = "Only reviews whose period ends on or before this day (yyyy-MM-dd)", HelpName = "yyyy-MM-dd" };
        var all = new Option<bool>("--all") { Description = "Include retracted reviews" };
        var command = new Command("list", "List your performance reviews, newest period first");
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(all);
        command.SetAction(async (parse, ct) =>
        {
            var query = OptionValues.Query(
                ("from", OptionValues.Date(parse.GetValue(from), "--from")),
                ("to", OptionValues.Date(parse.GetValue(to), "--to")),
                ("includeRetracted", parse.GetValue(all) ? "true" : null));
            using var api = ctx.CreateApi();
            var response = await api.SendAsync(HttpMethod.Get, "api/reviews" + query, ct).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var reviews = response.Read<List<ReviewDto>>();
            if (reviews.Count == 0)
            {
                ctx.Out.WriteLine("No performance reviews" + (query.Length > 0 ? " match." : " yet. Record one with `ledger review add \"…\" --period-start … --period-end … --reviewer …`."));
                return ExitCodes.Ok;
            }

            var prefix = ShortIds.UniquePrefixLength(reviews.Select(r => r.Id).ToList());
            var table = new Table().Border(ctx.TableBorder);
            foreach (var column in new[] { "Period", "Label", "Reviewer", "Rating", "Promotion", "Id" })
            {
                table.AddColumn(column);
            }

            foreach (var r in reviews)
            {
                table.AddRow(
                    new Text($"{r.PeriodStart}..{r.PeriodEnd}"), new Text(r.PeriodLabel ?? ""), new Text(r.ReviewerName ?? r.ReviewerRole ?? ""), new Text(Rating(r) ?? ""),
                    new Text(r.Retracted ? "retracted" : Promotion(r)), new Text(ShortIds.Format(r.Id)[..prefix]));
            }

            ctx.Console.Write(table);
            ctx.Out.WriteLine(reviews.Count == 1 ? "1 review." : $"{reviews.Count} reviews.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CliContext ctx)
    {
        var id = new Argument<string>("ID") { Description = "The review id, or a unique prefix of it (as `ledger review list` shows)" };
        var command = new Command("show", "Show one performance review in full");
        command.Arguments.Add(id);
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            var target = await Ids.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            var response = await api.SendAsync(HttpMethod.Get, $"api/reviews/{target}", ct, mapError: (r, _) => Ids.NotFound(r, target)).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var r = response.Read<ReviewDto>();
            ctx.Out.WriteLine($"{r.Summary}{(r.Retracted ? " (retracted)" : "")}");
            ctx.Out.WriteLine($"  Id:        {r.Id} (version {r.Version})");
            ctx.Out.WriteLine($"  Period:    {r.PeriodStart} to {r.PeriodEnd}");
            ctx.Out.WriteLine($"  Reviewer:  {Reviewer(r)}");
            WriteFacts(ctx, r);
            ctx.Out.WriteLine();
            ctx.Out.WriteLine(r.Text);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Revise(CliContext ctx)
    {
        var id = new Argument<string>("ID") { Description = "The review id, or a unique prefix of it (as `ledger review list` shows)" };
        var text = new Option<string>("--text") { Description = "New review text", HelpName = "TEXT" };
        var expect = new ExpectedVersion("review", "ledger review show --json", "ledger review revise");
        var options = new ReviewOptions();
        var command = new Command("revise", "Change a performance review; each option given replaces that field, the rest is kept");
        command.Arguments.Add(id);
        command.Options.Add(text);
        options.AddTo(command);
        command.Options.Add(expect.Option);
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            var target = await Ids.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            var path = $"api/reviews/{target}";
            var current = await api.SendAsync(HttpMethod.Get, path, ct, mapError: (r, _) => Ids.NotFound(r, target)).ConfigureAwait(false);
            var dto = current.Read<ReviewDto>();
            var version = expect.Choose(parse, current.ETag, dto.Version.ToString(CultureInfo.InvariantCulture));
            var body = await options.MergeAsync(ctx, parse, parse.GetResult(text) is null ? null : parse.GetValue(text), dto, ct).ConfigureAwait(false);
            var response = await api.SendAsync(
                HttpMethod.Put, path, ct, body, headers: ExpectedVersion.IfMatch(version),
                mapError: expect.MapErrors(target, version, Ids.NotFound)).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var revised = response.Read<ReviewDto>();
            ctx.Out.WriteLine($"Revised {revised.Id} (now version {revised.Version}): {revised.Summary}");
            WriteFacts(ctx, revised);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Retract(CliContext ctx)
    {
        var id = new Argument<string>("ID") { Description = "The review id, or a unique prefix of it" };
        var reason = new Option<string>("--reason") { Description = "Why (kept in the history)", HelpName = "TEXT" };
        var command = new Command("retract", "Retract (hide) a performance review; its history is kept");
        command.Arguments.Add(id);
        command.Options.Add(reason);
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            var target = await Ids.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            await api.SendAsync(
                HttpMethod.Delete, $"api/reviews/{target}" + OptionValues.Query(("reason", parse.GetValue(reason))), ct,
                mapError: (r, _) => Ids.NotFound(r, target)).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson($$"""{"id":"{{target}}","retracted":true}""");
            }
            else
            {
                ctx.Out.WriteLine($"Retracted {target}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteFacts(CliContext ctx, ReviewDto r)
    {
        if (Rating(r) is { } rating)
        {
            ctx.Out.WriteLine($"  Rating:    {rating}");
        }

        ctx.Out.WriteLine($"  Promotion: {Promotion(r)}");
        if (r.Strengths.Count > 0)
        {
            ctx.Out.WriteLine($"  Strengths: {string.Join(", ", r.Strengths)}");
        }

        if (r.GrowthAreas.Count > 0)
        {
            ctx.Out.WriteLine($"  Growth:    {string.Join(", ", r.GrowthAreas)}");
        }
    }

    private static string Reviewer(ReviewDto r) => string.Join(", ", new[] { r.ReviewerName, r.ReviewerRole }.Where(x => x is not null));

    private static string? Rating(ReviewDto r)
    {
        var score = r is { RatingScore: { } s, RatingScaleMax: { } max }
            ? string.Create(CultureInfo.InvariantCulture, $"{s:0.##} of {max:0.##}")
            : null;
        return (r.Rating, score) switch
        {
            (null, null) => null,
            ({ } text, null) => text,
            (null, { } sc) => sc,
            ({ } text, { } sc) => $"{text} ({sc})",
        };
    }

    private static string Promotion(ReviewDto r)
    {
        var outcome = r.Promotion.Replace('_', ' ');
        return r.NewLevel is null ? outcome : $"{outcome} ({r.NewLevel})";
    }
}
