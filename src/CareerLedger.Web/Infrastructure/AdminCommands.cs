using CareerLedger.EventStore;

namespace CareerLedger.Web.Infrastructure;

/// <summary>
/// Maintenance commands run instead of the server: <c>dotnet run --project src/CareerLedger.Web -- rebuild [name|all]</c>
/// replays every event into the named inline projection (or all of them) and exits.
/// </summary>
public static class AdminCommands
{
    /// <summary>Runs a maintenance command when <paramref name="args"/> asks for one.</summary>
    /// <returns>The process exit code, or null when the args ask for the normal server.</returns>
    public static async Task<int?> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "rebuild")
        {
            return null;
        }

        var store = app.Services.GetRequiredService<PostgresEventStore>();
        var names = store.Options.Projections.Select(p => p.Name).ToList();
        var wanted = args.Length > 1 && args[1] != "all" ? args[1..] : names.ToArray();
        foreach (var name in wanted)
        {
            if (!names.Contains(name))
            {
                await Console.Error.WriteLineAsync($"rebuild: unknown projection '{name}'; known: {string.Join(", ", names)}.");
                return 2;
            }

            var started = System.Diagnostics.Stopwatch.StartNew();
            var count = await store.RebuildAsync(name);
            Console.WriteLine($"rebuilt {name}: {count} events replayed in {started.ElapsedMilliseconds} ms");
        }

        return 0;
    }
}
