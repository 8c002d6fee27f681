using JasperFx.Events.Daemon;
using Marten;
using Npgsql;

namespace CareerLedger.Web.Infrastructure;

/// <summary>
/// Maintenance commands run instead of the server: <c>dotnet run --project src/CareerLedger.Web -- rebuild [name…|all]</c>
/// rebuilds the named projections (or all of them) from every stored event through Marten's projection daemon and exits;
/// <c>… -- upgrade</c> copies a database written by the hand-written event store into Marten (<see cref="LegacyUpgrade"/>) and exits.
/// </summary>
public static class AdminCommands
{
    /// <summary>The projection names the rebuild command accepts, in the order <c>all</c> rebuilds them.</summary>
    public static IReadOnlyList<string> ProjectionNames { get; } = ["accomplishments", "feedback", "reviews", "offers", "stories", "mock_sessions", "goals", "reminder_settings", "reminders"];

    /// <summary>Runs a maintenance command when <paramref name="args"/> asks for one.</summary>
    /// <returns>
    /// The process exit code (0 done; 1 the upgrade failed; 2 unknown projection or arguments), or null when the args ask for the
    /// normal server.
    /// </returns>
    public static async Task<int?> TryRunAsync(WebApplication app, string[] args)
    {
        if (args is ["upgrade", ..])
        {
            return await UpgradeAsync(app.Services, args[1..], Console.Out, Console.Error, CancellationToken.None);
        }

        if (args.Length == 0 || args[0] != "rebuild")
        {
            return null;
        }

        var wanted = args.Length > 1 && args[1] != "all" ? args[1..] : ProjectionNames.ToArray();
        if (wanted.FirstOrDefault(n => !ProjectionNames.Contains(n)) is { } unknown)
        {
            await Console.Error.WriteLineAsync($"rebuild: unknown projection '{unknown}'; known: {string.Join(", ", ProjectionNames)}.");
            return 2;
        }

        await Database.ApplySchemaAsync(app.Services, CancellationToken.None);
        foreach (var name in wanted)
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            await RebuildAsync(app.Services.GetRequiredService<IDocumentStore>(), name, CancellationToken.None);
            await RubricRescoring.RecordAsync(
                app.Services.GetRequiredService<NpgsqlDataSource>(), app.Services.GetRequiredService<LedgerDatabaseOptions>().Schema, name, CancellationToken.None);
            Console.WriteLine($"rebuilt {name} in {started.ElapsedMilliseconds} ms");
        }

        return 0;
    }

    /// <summary>
    /// Rebuilds one projection for every tenant: Marten's daemon deletes its documents and replays every event of its types in
    /// order through the same Evolve the inline projection uses, so the result equals what the appends produced. Scores stored
    /// under an older rubric are re-scored on the way (docs/projections.md, "Re-scoring"); the command then records the running
    /// rubric version for the score projections (<see cref="RubricRescoring.RecordAsync"/>).
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="name"/> is not one of <see cref="ProjectionNames"/>.</exception>
    public static async Task RebuildAsync(IDocumentStore store, string name, CancellationToken ct)
    {
        if (!ProjectionNames.Contains(name))
        {
            throw new ArgumentException($"Unknown projection '{name}'.", nameof(name));
        }

        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(30), ct);
    }

    /// <summary>
    /// The <c>upgrade</c> command: copies the old store's events into Marten (<see cref="LegacyUpgrade.RunAsync"/>) and writes one
    /// summary line to <paramref name="output"/>, or one error line to <paramref name="errors"/>.
    /// </summary>
    /// <param name="services">The app's services (the data source, the document store and the schema).</param>
    /// <param name="args">The arguments after <c>upgrade</c>; it takes none.</param>
    /// <param name="output">Receives the summary (or "nothing to upgrade").</param>
    /// <param name="errors">Receives the error line.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The exit code: 0 upgraded or nothing to upgrade, 1 a user could not be copied, 2 unexpected arguments.</returns>
    public static async Task<int> UpgradeAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        if (args.Length > 0)
        {
            await errors.WriteLineAsync($"upgrade: takes no arguments (got '{string.Join(' ', args)}').");
            return 2;
        }

        var schema = services.GetRequiredService<LedgerDatabaseOptions>().Schema;
        LegacyUpgradeResult result;
        try
        {
            result = await LegacyUpgrade.RunAsync(
                services.GetRequiredService<NpgsqlDataSource>(), services.GetRequiredService<IDocumentStore>(), schema, ct);
        }
        catch (LegacyUpgradeException ex)
        {
            await errors.WriteLineAsync($"upgrade failed: {ex.Message}");
            return 1;
        }

        if (!result.LegacyTablesFound)
        {
            await output.WriteLineAsync($"upgrade: schema {schema} has no tables of the old event store (events, streams); nothing to upgrade.");
            return 0;
        }

        await output.WriteLineAsync(
            $"upgraded {result.Users} users, {result.Events} events in {result.Streams} streams ({result.StreamsAlreadyPresent} already present) " +
            $"in {result.ElapsedMilliseconds} ms; the old tables ({string.Join(", ", LegacyUpgrade.LegacyTables)}) are left in place in schema {schema}: drop them once you have checked the upgrade.");
        return 0;
    }
}
