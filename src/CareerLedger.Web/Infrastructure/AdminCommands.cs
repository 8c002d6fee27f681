using JasperFx.Events.Daemon;
using Marten;

namespace CareerLedger.Web.Infrastructure;

/// <summary>
/// Maintenance commands run instead of the server: <c>dotnet run --project src/CareerLedger.Web -- rebuild [name…|all]</c>
/// rebuilds the named projections (or all of them) from every stored event through Marten's projection daemon and exits.
/// </summary>
public static class AdminCommands
{
    /// <summary>The projection names the rebuild command accepts, in the order <c>all</c> rebuilds them.</summary>
    public static IReadOnlyList<string> ProjectionNames { get; } = ["accomplishments", "feedback", "offers", "stories", "mock_sessions", "goals", "reminder_settings", "reminders"];

    /// <summary>Runs a maintenance command when <paramref name="args"/> asks for one.</summary>
    /// <returns>The process exit code (0 done, 2 unknown projection), or null when the args ask for the normal server.</returns>
    public static async Task<int?> TryRunAsync(WebApplication app, string[] args)
    {
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
            Console.WriteLine($"rebuilt {name} in {started.ElapsedMilliseconds} ms");
        }

        return 0;
    }

    /// <summary>
    /// Rebuilds one projection for every tenant: Marten's daemon deletes its documents and replays every event of its types in
    /// order through the same Evolve the inline projection uses, so the result equals what the appends produced.
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
}
