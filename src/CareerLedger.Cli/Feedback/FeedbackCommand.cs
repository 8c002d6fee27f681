using System.CommandLine;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Feedback;

/// <summary><c>ledger feedback "TEXT"</c>: records feedback you received.</summary>
internal static class FeedbackCommand
{
    public static Command Create(CliContext ctx)
    {
        var text = new Argument<string>("TEXT") { Description = "What was said" };
        var from = new Option<string>("--from") { Description = "Who said it (default other)" };
        from.AcceptOnlyFromAmong("manager", "peer", "report", "skip_level", "other");
        var source = new Option<string>("--source") { Description = "Where: \"1:1\", \"mid-year review\", \"Slack\"…", HelpName = "SOURCE" };
        var date = new Option<string>("--date") { Description = "The day you received it (yyyy-MM-dd); default today", HelpName = "yyyy-MM-dd" };
        var sentiment = new Option<string>("--sentiment") { Description = "Its tone (default neutral)" };
        sentiment.AcceptOnlyFromAmong("positive", "neutral", "constructive");
        var themes = new Option<string[]>("--theme") { Description = "A competency it speaks to, repeatable", HelpName = "COMPETENCY" };
        var command = new Command("feedback", "Record feedback you received (safe to retry)");
        command.Arguments.Add(text);
        command.Options.Add(from);
        command.Options.Add(source);
        command.Options.Add(date);
        command.Options.Add(sentiment);
        command.Options.Add(themes);
        command.SetAction(async (parse, ct) =>
        {
            var body = new
            {
                text = parse.GetValue(text),
                receivedOn = OptionValues.Date(parse.GetValue(date), "--date"),
                from = parse.GetValue(from),
                source = parse.GetValue(source),
                sentiment = parse.GetValue(sentiment),
                themes = parse.GetValue(themes),
            };
            using var api = ctx.CreateApi();
            var response = await api.SendAsync(
                HttpMethod.Post, "api/feedback", ct, body,
                headers: new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() }).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var saved = response.Read<FeedbackDto>();
            var themeText = saved.Themes.Count == 0 ? "" : $"; themes: {string.Join(", ", saved.Themes)}";
            ctx.Out.WriteLine($"Recorded {saved.Id}: {saved.Sentiment} feedback from {saved.From.Replace('_', '-')} on {saved.ReceivedOn}{themeText}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
