using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Export;

/// <summary>
/// <c>ledger export [--out FILE]</c>: every event of your account as JSON lines (GET /api/export), to a file or stdout, with a
/// one-line summary on stderr; <c>ledger import-events FILE</c>: appends such a file to the account you are logged in to, which must
/// have no events yet (POST /api/import/events). docs/cli.md, "Export and import of events".
/// </summary>
internal static class ExportCommands
{
    private const string MediaType = "application/x-ndjson";

    public static Command Export(CliContext ctx)
    {
        var outFile = new Option<FileInfo>("--out") { Description = "Write the export to this file (mode 0600; refused if it exists) instead of stdout", HelpName = "FILE" };
        var command = new Command("export", "Write every event of your account as JSON lines (for `ledger import-events` into another account); a summary goes to stderr");
        command.Options.Add(outFile);
        command.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(outFile);
            if (file is { Exists: true })
            {
                throw CliException.Validation($"{file.FullName} exists already; choose another --out (an export is never overwritten)");
            }

            using var api = ctx.CreateApi();
            var clock = Stopwatch.StartNew();
            using var http = Client(ctx, api);
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/export");
            request.Headers.Accept.ParseAdd(MediaType);
            using var response = await SendAsync(http, api, request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            using var reader = new StreamReader(body, new UTF8Encoding(false));

            Summary summary;
            if (file is null)
            {
                summary = await CopyAsync(reader, ctx.Out, ct).ConfigureAwait(false);
                Check(summary, "stdout");
            }
            else
            {
                summary = await WriteFileAsync(reader, file, ct).ConfigureAwait(false);
            }

            ctx.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Exported {Count(summary.Events, "event", "events")} in {Count(summary.Streams, "stream", "streams")} ({Size(summary.Bytes)}) to {file?.FullName ?? "stdout"} in {clock.Elapsed.TotalSeconds:0.0} s."));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command ImportEvents(CliContext ctx)
    {
        var file = new Argument<string>("FILE") { Description = "An export written by `ledger export` (or GET /api/export); - reads standard input" };
        var command = new Command("import-events", "Import an export into the account you are logged in to, which must have no events yet; importing the same file again changes nothing");
        command.Arguments.Add(file);
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            HttpContent content;
            if (path == "-")
            {
                content = new StringContent(await ctx.Environment.StandardInput.ReadToEndAsync(ct).ConfigureAwait(false), new UTF8Encoding(false));
            }
            else
            {
                try
                {
                    content = new StreamContent(File.OpenRead(Path.GetFullPath(path)), 64 * 1024);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw CliException.Validation($"cannot read {path}: {ex.Message}");
                }
            }

            using (content)
            {
                content.Headers.ContentType = new MediaTypeHeaderValue(MediaType) { CharSet = "utf-8" };
                using var api = ctx.CreateApi();
                using var http = Client(ctx, api);
                using var request = new HttpRequestMessage(HttpMethod.Post, "api/import/events") { Content = content };
                request.Headers.Accept.ParseAdd("application/json");
                using var response = await SendAsync(http, api, request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                if (ctx.Json)
                {
                    ctx.WriteJson(text);
                    return ExitCodes.Ok;
                }

                var result = new ApiResponse(response.StatusCode, text, response.Headers).Read<EventImportDto>();
                var name = path == "-" ? "standard input" : path;
                if (result.AlreadyImported)
                {
                    ctx.Out.WriteLine($"Nothing imported: this account already holds exactly the {Count(result.Events, "event", "events")} of {name} (it was imported before).");
                }
                else
                {
                    ctx.Out.WriteLine($"Imported {Count(result.Appended, "event", "events")} in {Count(result.Streams, "stream", "streams")} from {name} into your account on {ApiClient.Display(api.Server)}.");
                    if (result.RenamedStreams.Count > 0)
                    {
                        var kinds = string.Join(", ", result.RenamedStreams.GroupBy(r => r.StreamType).Select(g => $"{g.Count()} {g.Key}"));
                        ctx.Out.WriteLine($"  {Count(result.RenamedStreams.Count, "stream has", "streams have")} the id this account derives ({kinds}); every other id is as exported.");
                    }
                }

                foreach (var warning in result.Warnings)
                {
                    ctx.Out.WriteLine("  Note: " + warning);
                }

                return ExitCodes.Ok;
            }
        });
        return command;
    }

    /// <summary>Writes the export aside (mode 0600: it holds webhook signing secrets) and renames it once complete and checked.</summary>
    private static async Task<Summary> WriteFileAsync(StreamReader reader, FileInfo file, CancellationToken ct)
    {
        var partial = file.FullName + ".partial";
        try
        {
            if (file.Directory is { Exists: false } dir)
            {
                dir.Create();
            }

            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            Summary summary;
            await using (var stream = new FileStream(partial, options))
            await using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
            {
                summary = await CopyAsync(reader, writer, ct).ConfigureAwait(false);
            }

            Check(summary, file.FullName);
            File.Move(partial, file.FullName, overwrite: false);
            return summary;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CliException.Validation($"cannot write {file.FullName}: {ex.Message}");
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>Copies the lines as they arrive, counting them against the header's counts.</summary>
    private static async Task<Summary> CopyAsync(StreamReader reader, TextWriter output, CancellationToken ct)
    {
        long announced = -1, streams = 0, events = 0, bytes = 0;
        string? line;
        try
        {
            while ((line = await reader.ReadLineAsync(ct).ConfigureAwait(false)) is not null)
            {
                if (announced < 0)
                {
                    (announced, streams) = Header(line);
                }
                else if (line.Length > 0)
                {
                    events++;
                }

                await output.WriteAsync(line.AsMemory(), ct).ConfigureAwait(false);
                await output.WriteAsync('\n').ConfigureAwait(false);
                bytes += Encoding.UTF8.GetByteCount(line) + 1;
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            return new Summary(Math.Max(announced, 0), streams, events, bytes, ex.Message);
        }

        await output.FlushAsync(ct).ConfigureAwait(false);
        return new Summary(Math.Max(announced, 0), streams, events, bytes, announced < 0 ? "the server sent no header line" : null);
    }

    private static (long Events, long Streams) Header(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            return (root.GetProperty("events").GetInt64(), root.GetProperty("streams").GetInt64());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw CliException.Validation("the server sent an export this version of ledger does not understand (no header line with counts)");
        }
    }

    private static void Check(Summary summary, string where)
    {
        if (summary.Error is not null || summary.Events != summary.Announced)
        {
            throw CliException.Validation(
                $"the export ended after {summary.Events} of {summary.Announced} events{(summary.Error is null ? "" : $" ({ApiClient.OneLine(summary.Error)})")}; " +
                (where == "stdout" ? "what was printed is incomplete; export again" : $"nothing was written to {where}; export again"));
        }
    }

    private static HttpClient Client(CliContext ctx, ApiClient api)
    {
        if (api.Token is null)
        {
            throw api.NotLoggedIn();
        }

        var http = ctx.Environment.CreateHttpHandler is { } create
            ? new HttpClient(create(), disposeHandler: false)
            : new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) }, disposeHandler: true);
        http.BaseAddress = api.Server;
        http.Timeout = TimeSpan.FromMinutes(10);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", api.Token);
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("ledger", typeof(ExportCommands).Assembly.GetName().Version?.ToString(3) ?? "1.0"));
        return http;
    }

    /// <summary>Sends the request; a failure is one line with the exit codes of every other command (401 → 3, unreachable → 4, 409 → 5, else 1).</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, ApiClient api, HttpRequestMessage request, HttpCompletionOption completion, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, completion, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new CliException(ExitCodes.Unreachable,
                $"cannot reach {ApiClient.Display(api.Server)}: is the app running? start it with `dotnet run --project src/CareerLedger.Web` ({ApiClient.OneLine(ex.InnerException is SocketException s ? s.Message : ex.Message)})");
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new CliException(ExitCodes.Unreachable, $"cannot reach {ApiClient.Display(api.Server)}: no answer within {http.Timeout.TotalMinutes:0} minutes ({ex.Message})");
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var problem = Problem.TryParse(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => new CliException(ExitCodes.NotLoggedIn, $"the server at {ApiClient.Display(api.Server)} did not accept your token (revoked or expired?): run `ledger login`"),
                HttpStatusCode.Conflict => new CliException(ExitCodes.Conflict, problem?.ToMessage() ?? "the account already has events"),
                _ => new CliException(ExitCodes.Failure, problem?.ToMessage() ?? $"{request.Method} /{request.RequestUri} failed: HTTP {(int)response.StatusCode} {response.StatusCode}"),
            };
        }
    }

    private static string Count(long n, string one, string many) => string.Create(CultureInfo.InvariantCulture, $"{n:N0} {(n == 1 ? one : many)}");

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MB"),
    };

    private sealed record Summary(long Announced, long Streams, long Events, long Bytes, string? Error);

    private sealed record EventImportDto(long Events, int Streams, int Appended, bool AlreadyImported, IReadOnlyList<RenamedDto> RenamedStreams, IReadOnlyList<string> Warnings);

    private sealed record RenamedDto(string StreamType, Guid From, Guid To);
}
