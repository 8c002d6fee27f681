using System.Collections;
using System.Diagnostics;
using System.Globalization;
using DotNet.Testcontainers.Configurations;

namespace CareerLedger.Testing;

/// <summary>
/// Asks whether a Docker engine answers, cheaply and with a hard time limit, so that a machine without Docker falls through
/// to the next source at once and never fails or hangs because of it.
/// </summary>
internal static class DockerEngineProbe
{
    /// <summary>
    /// The longest Testcontainers' discovery may take. It usually answers in about 0.2 s (most of it loading its assemblies);
    /// the limit only matters for a configured endpoint that neither answers nor refuses.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private static readonly string[] SocketPaths = ["/var/run/docker.sock", "/run/docker.sock"];

    /// <summary>
    /// On Linux and macOS, first looks for any trace of Docker (<see cref="DockerHint"/>); with none, answers "no engine" at once
    /// without loading Testcontainers. Otherwise runs Testcontainers' own endpoint discovery (<c>DOCKER_HOST</c>, Docker contexts,
    /// <c>~/.testcontainers.properties</c>, the usual sockets, each pinged), which the container builder then uses as well;
    /// it runs once per process (Testcontainers keeps the result).
    /// </summary>
    /// <param name="log">Receives one line saying what was found and how long it took.</param>
    /// <returns>The engine's endpoint, or <see langword="null"/> when none answered within <see cref="Timeout"/>. Never throws.</returns>
    public static Task<Uri?> FindAsync(Action<string> log)
    {
        if (!OperatingSystem.IsWindows() && NoTraceOfDocker())
        {
            log("docker: no engine (no DOCKER_* or TESTCONTAINERS_* variable, ~/.docker, ~/.testcontainers.properties or docker.sock)");
            return Task.FromResult<Uri?>(null);
        }

        return FindAsync(DiscoverWithTestcontainers, Timeout, log);
    }

    /// <summary>Testcontainers' endpoint discovery: the endpoint of the first configured engine that answers a ping, or <see langword="null"/>.</summary>
    internal static Uri? DiscoverWithTestcontainers() => TestcontainersSettings.OS.DockerEndpointAuthConfig?.Endpoint;

    private static bool NoTraceOfDocker()
    {
        try
        {
            return DockerHint(Environment.GetEnvironmentVariables(), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)) is null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // could not look everywhere: let Testcontainers decide
        }
    }

    /// <summary>
    /// The first trace of a Docker setup that Testcontainers could use: a <c>DOCKER_*</c> or <c>TESTCONTAINERS_*</c> environment
    /// variable, <c>~/.docker</c> (config, contexts, Docker Desktop sockets), <c>~/.testcontainers.properties</c>, or a
    /// <c>docker.sock</c> in <c>/var/run</c>, <c>/run</c>, <c>$XDG_RUNTIME_DIR</c> or <c>/run/user/*</c>. File checks only, no I/O on sockets.
    /// </summary>
    /// <param name="environment">Environment variables (name to value), as from <see cref="Environment.GetEnvironmentVariables()"/>.</param>
    /// <param name="home">The user's home directory.</param>
    /// <returns>What was found (a variable name or a path), or <see langword="null"/> when nothing hints at Docker.</returns>
    /// <exception cref="IOException">A folder could not be listed.</exception>
    /// <exception cref="UnauthorizedAccessException">A folder may not be listed.</exception>
    internal static string? DockerHint(IDictionary environment, string home)
    {
        foreach (DictionaryEntry variable in environment)
        {
            if (variable.Key is string name && variable.Value is string { Length: > 0 }
                && (name.StartsWith("DOCKER_", StringComparison.Ordinal) || name.StartsWith("TESTCONTAINERS_", StringComparison.Ordinal)))
            {
                return name;
            }
        }

        var candidates = new List<string> { Path.Combine(home, ".docker"), Path.Combine(home, ".testcontainers.properties") };
        candidates.AddRange(SocketPaths);
        if (environment["XDG_RUNTIME_DIR"] is string { Length: > 0 } runtime)
        {
            candidates.Add(Path.Combine(runtime, "docker.sock"));
        }

        if (Directory.Exists("/run/user"))
        {
            candidates.AddRange(Directory.EnumerateDirectories("/run/user").Select(user => Path.Combine(user, "docker.sock")));
        }

        return candidates.Find(path => File.Exists(path) || Directory.Exists(path));
    }

    /// <summary>Runs <paramref name="discover"/> off the calling thread and gives up on it after <paramref name="timeout"/>.</summary>
    /// <param name="discover">Returns the endpoint of an engine that answered, or <see langword="null"/>; may block or throw.</param>
    /// <param name="timeout">How long to wait for <paramref name="discover"/>; a discovery still running then is left to finish on its own.</param>
    /// <param name="log">Receives one line saying what was found and how long it took.</param>
    /// <returns>The endpoint, or <see langword="null"/> when there is none, the discovery threw, or it took too long. Never throws.</returns>
    public static async Task<Uri?> FindAsync(Func<Uri?> discover, TimeSpan timeout, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        string Took() => clock.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
        try
        {
            var endpoint = await Task.Run(discover).WaitAsync(timeout).ConfigureAwait(false);
            log(endpoint is null ? $"docker: no engine answers ({Took()})" : $"docker: engine at {endpoint} answers ({Took()})");
            return endpoint;
        }
        catch (TimeoutException)
        {
            log($"docker: no engine answered within {Took()}; giving up on it");
            return null;
        }
        catch (Exception ex)
        {
            log($"docker: no engine (discovery failed after {Took()}: {ex.GetBaseException().Message})");
            return null;
        }
    }
}
