using System.CommandLine;
using System.Text.Json;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Import;

/// <summary><c>ledger import FILE</c>: bulk import of accomplishments, feedback and performance reviews (idempotent).</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext ctx)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A JSON file with \"accomplishments\", \"feedback\" and/or \"reviews\" arrays (see samples/senior-backend-year.json)" };
        var command = new Command("import", "Import accomplishments, feedback and performance reviews from a JSON file; importing the same file again adds nothing");
        command.Arguments.Add(file);
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            string json;
            try
            {
                json = await File.ReadAllTextAsync(path.FullName, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw CliException.Validation($"cannot read {path}: {ex.Message}");
            }

            try
            {
                using var doc = JsonDocument.Parse(json, new JsonDocumentOptions());
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw CliException.Validation($"{path} is not an import file: expected a JSON object with \"accomplishments\", \"feedback\" and/or \"reviews\"");
                }
            }
            catch (JsonException ex)
            {
                var where = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : "";
                throw CliException.Validation($"{path} is not valid JSON{where}");
            }

            using var api = ctx.CreateApi();
            var response = await api.SendAsync(HttpMethod.Post, "api/import", ct, rawJsonBody: json).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(response.Body);
                return ExitCodes.Ok;
            }

            var result = response.Read<ImportResultDto>();
            ctx.Out.WriteLine($"Imported {path}:");
            ctx.Out.WriteLine($"  accomplishments: {result.AccomplishmentsCreated} created, {result.AccomplishmentsUpdated} updated, {result.AccomplishmentsUnchanged} unchanged");
            ctx.Out.WriteLine($"  feedback:        {result.FeedbackCreated} created, {result.FeedbackUpdated} updated, {result.FeedbackUnchanged} unchanged");
            ctx.Out.WriteLine($"  reviews:         {result.ReviewsCreated} created, {result.ReviewsUpdated} updated, {result.ReviewsUnchanged} unchanged");
            return ExitCodes.Ok;
        });
        return command;
    }
}
