using System.Globalization;
using System.Text.RegularExpressions;

namespace CareerLedger.Postgres.Provisioning.Internal;

/// <summary>A directory holding the PostgreSQL server programs (<c>initdb</c>, <c>pg_ctl</c>, <c>postgres</c>) and their version.</summary>
internal sealed partial record PostgresBinaries(string BinDirectory, int MajorVersion, string Version)
{
    private static readonly string[] SearchRoots =
    [
        "/usr/lib/postgresql/*/bin", // Debian, Ubuntu
        "/usr/pgsql-*/bin", // PGDG RPMs
        "/opt/homebrew/opt/postgresql@*/bin", // Homebrew (Apple silicon)
        "/usr/local/opt/postgresql@*/bin", // Homebrew (Intel)
        "/usr/local/pgsql/bin", // source builds
    ];

    public string InitDb => Path.Combine(BinDirectory, "initdb");

    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");

    /// <summary>
    /// Finds server binaries: <c>initdb</c> and <c>pg_ctl</c> on PATH first, then the usual install locations
    /// (highest major version wins). <see langword="null"/> when none are found.
    /// </summary>
    public static async Task<PostgresBinaries?> FindAsync(Action<string> log, CancellationToken ct)
    {
        foreach (var dir in CandidateDirectories())
        {
            ct.ThrowIfCancellationRequested();
            ProcessResult result;
            try
            {
                result = await ProcessRunner.RunAsync(
                    new ProcessSpec(Path.Combine(dir, "pg_ctl"), ["--version"]), TimeSpan.FromSeconds(10), ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                log($"skipping {dir}: 'pg_ctl --version' failed ({ex.Message})");
                continue;
            }

            var match = VersionPattern().Match(result.StdOut);
            if (!result.Succeeded || !match.Success)
            {
                log($"skipping {dir}: 'pg_ctl --version' did not answer ({result.Tail(1)})");
                continue;
            }

            var major = int.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture);
            if (major < 10)
            {
                log($"skipping {dir}: PostgreSQL {match.Groups["version"].Value} is too old (10 or newer needed for scram-sha-256)");
                continue;
            }

            return new PostgresBinaries(dir, major, match.Groups["version"].Value);
        }

        return null;
    }

    private static IEnumerable<string> CandidateDirectories()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);

        // PATH: follow symlinks (e.g. /usr/local/bin/initdb -> /usr/lib/postgresql/15/bin/initdb) to the real directory,
        // which is where pg_ctl looks for the postgres executable.
        var initdb = ProcessRunner.FindOnPath("initdb");
        var pgctl = ProcessRunner.FindOnPath("pg_ctl");
        if (initdb is not null && pgctl is not null)
        {
            foreach (var dir in new[] { RealDirectory(pgctl), RealDirectory(initdb), Path.GetDirectoryName(pgctl)! }.Distinct())
            {
                if (IsComplete(dir) && seen.Add(dir))
                {
                    yield return dir;
                }
            }
        }

        var installed = new List<(System.Version Version, string Dir)>();
        foreach (var pattern in SearchRoots)
        {
            foreach (var dir in Expand(pattern))
            {
                if (IsComplete(dir))
                {
                    installed.Add((VersionFromPath(dir), dir));
                }
            }
        }

        foreach (var (_, dir) in installed.OrderByDescending(x => x.Version))
        {
            if (seen.Add(dir))
            {
                yield return dir;
            }
        }
    }

    private static bool IsComplete(string dir) =>
        File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "postgres"));

    private static string RealDirectory(string file)
    {
        var target = new FileInfo(file).ResolveLinkTarget(returnFinalTarget: true);
        return Path.GetDirectoryName(target?.FullName ?? Path.GetFullPath(file))!;
    }

    /// <summary>Expands one '*' in a path pattern (only in one segment), e.g. /usr/lib/postgresql/*/bin.</summary>
    private static IEnumerable<string> Expand(string pattern)
    {
        var star = pattern.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
        {
            return Directory.Exists(pattern) ? [pattern] : [];
        }

        var parent = pattern[..pattern.LastIndexOf('/', star)];
        var segmentEnd = pattern.IndexOf('/', star);
        var segment = segmentEnd < 0 ? pattern[(parent.Length + 1)..] : pattern[(parent.Length + 1)..segmentEnd];
        var rest = segmentEnd < 0 ? string.Empty : pattern[segmentEnd..];
        if (!Directory.Exists(parent))
        {
            return [];
        }

        try
        {
            return Directory.EnumerateDirectories(parent, segment).Select(d => d + rest).Where(Directory.Exists).ToList();
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static System.Version VersionFromPath(string dir)
    {
        var match = PathVersionPattern().Match(dir);
        return match.Success && System.Version.TryParse(match.Value.Contains('.', StringComparison.Ordinal) ? match.Value : match.Value + ".0", out var v)
            ? v
            : new System.Version(0, 0);
    }

    [GeneratedRegex(@"\(PostgreSQL\)\s+(?<version>(?<major>\d+)(?:\.\d+)*)")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex PathVersionPattern();
}
