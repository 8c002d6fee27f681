using System.CommandLine;
using System.Globalization;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Stories;

/// <summary><c>ledger stories link</c>: sets the competencies and bank questions a story answers.</summary>
internal static class StoriesLinkCommand
{
    public static Command Create(CliContext ctx)
    {
        var id = StoriesCommand.IdArgument();
        var competencies = new Option<string[]>("--competency")
        {
            Description = "A competency the story evidences (repeatable; replaces the story's competencies), e.g. conflict_resolution",
            HelpName = "C",
        };
        var questions = new Option<string[]>("--question")
        {
            Description = "A bank question the story answers (repeatable; replaces the story's questions), e.g. q-014-mistake-with-consequences (see `ledger questions`)",
            HelpName = "QID",
        };
        var command = new Command("link", "Set the competencies and bank questions the story answers (a list you don't give is kept)");
        command.Arguments.Add(id);
        command.Options.Add(competencies);
        command.Options.Add(questions);
        command.SetAction(async (parse, ct) =>
        {
            var newCompetencies = parse.GetResult(competencies) is null ? null : parse.GetValue(competencies);
            var newQuestions = parse.GetResult(questions) is null ? null : parse.GetValue(questions);
            if (newCompetencies is null && newQuestions is null)
            {
                throw CliException.Usage("nothing to link: give --competency C and/or --question QID (each repeatable)");
            }

            using var api = ctx.CreateApi();
            var target = await ResourceIds.Stories.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            var path = $"api/stories/{target}";
            var read = await api.SendAsync(HttpMethod.Get, path, ct, mapError: (r, _) => ResourceIds.Stories.NotFound(r, target)).ConfigureAwait(false);
            var current = read.Read<StoryViewDto>();
            var body = new
            {
                competencies = newCompetencies ?? current.Story.Competencies.ToArray(),
                questionIds = newQuestions ?? current.Story.QuestionIds.ToArray(),
            };

            // The kept list comes from what was just read: If-Match makes a concurrent change a conflict (exit 5), not a lost update.
            var version = read.ETag ?? current.Version.ToString(CultureInfo.InvariantCulture);
            var response = await api.SendAsync(
                HttpMethod.Put, path + "/links", ct, body,
                headers: ExpectedVersion.IfMatch(version),
                mapError: (r, _) => ResourceIds.Stories.NotFound(r, target)).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var story = response.Read<StoryViewDto>().Story;
            ctx.Out.WriteLine($"Linked story {target}: {story.Current.Headline}");
            ctx.Out.WriteLine("  competencies: " + (story.Competencies.Count == 0 ? "none" : string.Join(", ", story.Competencies)));
            ctx.Out.WriteLine("  questions:    " + (story.QuestionIds.Count == 0 ? "none" : string.Join(", ", story.QuestionIds)));
            return ExitCodes.Ok;
        });
        return command;
    }
}
