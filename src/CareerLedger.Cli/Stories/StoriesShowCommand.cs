using System.CommandLine;
using System.Globalization;
using CareerLedger.Cli.Coaching;
using CareerLedger.Cli.Infrastructure;
using Spectre.Console;

namespace CareerLedger.Cli.Stories;

/// <summary><c>ledger stories show</c>: one story with its text, score, accomplishments, uses and lineage.</summary>
internal static class StoriesShowCommand
{
    public static Command Create(CliContext ctx)
    {
        var id = StoriesCommand.IdArgument();
        var command = new Command("show", "One story: its current text and score, the accomplishments it tells, where it was told, and its lineage (every revision with its score and practice scores)");
        command.Arguments.Add(id);
        command.SetAction(async (parse, ct) =>
        {
            using var api = ctx.CreateApi();
            var target = await ResourceIds.Stories.ResolveAsync(api, parse.GetValue(id)!, ct).ConfigureAwait(false);
            var response = await api.SendAsync(HttpMethod.Get, $"api/stories/{target}", ct, mapError: (r, _) => ResourceIds.Stories.NotFound(r, target)).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var view = response.Read<StoryViewDto>();
            var story = view.Story;
            var wins = (await api.SendAsync(HttpMethod.Get, "api/accomplishments?includeRetracted=true", ct).ConfigureAwait(false)).Read<List<AccomplishmentDto>>()
                .ToDictionary(a => a.Id);
            var current = story.Current;
            ctx.Out.WriteLine($"Story {story.Id} ({current.Format.ToUpperInvariant()}, revision {current.Revision}, version {view.Version}){(story.Retired ? ", retired" : "")}");
            ctx.Out.WriteLine();
            StoryView.WriteText(ctx, view);
            ctx.Out.WriteLine();
            ctx.Out.WriteLine(StoryView.ScoreLine(current));
            ctx.Out.WriteLine("Accomplishments: " + string.Join("; ", story.AccomplishmentIds.Select(a =>
                wins.TryGetValue(a, out var w) ? $"{w.Title} ({w.OccurredOn}, {ShortIds.Format(a)[..ShortIds.MinimumShown]})" : ShortIds.Format(a))));
            ctx.Out.WriteLine("Competencies: " + (story.Competencies.Count == 0 ? "none (set them with `ledger stories link`)" : string.Join(", ", story.Competencies.Select(CoachView.Label))));
            ctx.Out.WriteLine("Questions: " + (story.QuestionIds.Count == 0 ? "none" : string.Join(", ", story.QuestionIds)));
            ctx.Out.WriteLine("Told: " + (story.Uses.Count == 0 ? "not yet" : string.Join("; ", story.Uses.Select(u =>
                $"{u.On} {u.Company}{(u.Round is null ? "" : ", " + u.Round)} (revision {u.Revision})"))));
            ctx.Out.WriteLine();
            ctx.Out.WriteLine("Lineage:");
            var table = new Table().Border(ctx.TableBorder);
            table.AddColumn(new TableColumn("Rev").RightAligned());
            table.AddColumn("Recorded");
            table.AddColumn("Format");
            table.AddColumn(new TableColumn("Score").RightAligned());
            table.AddColumn("Practice scores");
            table.AddColumn("Note");
            foreach (var r in story.Revisions)
            {
                table.AddRow(
                    new Text(r.Revision.ToString(CultureInfo.InvariantCulture)),
                    new Text(r.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    new Text(r.Format.ToUpperInvariant()),
                    new Text(StoryView.Score(r)),
                    new Text(r.PracticeScores.Count == 0 ? "–" : string.Join(", ", r.PracticeScores)),
                    new Text(Note(r)));
            }

            ctx.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Note(StoryRevisionDto revision) => revision.Revision == 1 && revision.Note is { } note
        ? CoachView.Source("drafted", note, null)
        : revision.Note ?? "–";
}
