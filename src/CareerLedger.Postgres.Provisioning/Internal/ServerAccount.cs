namespace CareerLedger.Postgres.Provisioning.Internal;

/// <summary>
/// Decides which OS account runs <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>. They refuse to run as root, so a root
/// process runs them as the <c>postgres</c> user through <c>runuser</c> (or <c>su</c> when <c>runuser</c> is absent).
/// </summary>
internal sealed class ServerAccount
{
    public const string PostgresUser = "postgres";

    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);
    private readonly string? _runuser;

    private ServerAccount(bool isRoot, string? runuser)
    {
        IsRoot = isRoot;
        _runuser = runuser;
    }

    /// <summary>True when this process runs as root and server tools are run as <see cref="PostgresUser"/>.</summary>
    public bool IsRoot { get; }

    /// <summary>Short text for descriptions, e.g. " as OS user postgres".</summary>
    public string Suffix => IsRoot ? $", run as OS user {PostgresUser}" : string.Empty;

    /// <summary>Detects root and, if so, checks that the <c>postgres</c> OS user exists.</summary>
    /// <exception cref="InvalidOperationException">Root, but there is no <c>postgres</c> OS user.</exception>
    public static async Task<ServerAccount> DetectAsync(CancellationToken ct)
    {
        if (OperatingSystem.IsWindows() || !Environment.IsPrivilegedProcess)
        {
            return new ServerAccount(false, null);
        }

        var id = await ProcessRunner.RunAsync(new ProcessSpec("id", ["-u", PostgresUser]), ToolTimeout, ct).ConfigureAwait(false);
        if (!id.Succeeded)
        {
            throw new InvalidOperationException(
                $"This process runs as root, and initdb/postgres refuse to run as root, but there is no '{PostgresUser}' OS user to run them as. " +
                "Create one (e.g. 'useradd --system --home-dir /var/lib/postgresql postgres'; installing the 'postgresql' package does this) or run as a normal user.");
        }

        var runuser = ProcessRunner.FindOnPath("runuser")
            ?? new[] { "/usr/sbin/runuser", "/sbin/runuser" }.FirstOrDefault(File.Exists);
        return new ServerAccount(true, runuser);
    }

    /// <summary>Wraps a command so it runs as <see cref="PostgresUser"/> when root; unchanged otherwise.</summary>
    public ProcessSpec Wrap(ProcessSpec spec)
    {
        if (!IsRoot)
        {
            return spec;
        }

        // "/" so the tools do not complain that they cannot change back to root's working directory (/root is 0700).
        if (_runuser is not null)
        {
            return spec with
            {
                FileName = _runuser,
                Arguments = ["-u", PostgresUser, "--", spec.FileName, .. spec.Arguments],
                WorkingDirectory = "/",
                DisplayName = spec.Name,
            };
        }

        // Documented fallback: su needs one shell command string, so every word is quoted.
        var command = string.Join(' ', new[] { spec.FileName }.Concat(spec.Arguments).Select(ProcessRunner.ShellQuote));
        return spec with
        {
            FileName = "su",
            Arguments = [PostgresUser, "-s", "/bin/sh", "-c", command],
            WorkingDirectory = "/",
            DisplayName = spec.Name,
        };
    }

    /// <summary>When root, gives <paramref name="path"/> (recursively) to the postgres user. No-op otherwise.</summary>
    /// <exception cref="InvalidOperationException"><c>chown</c> failed.</exception>
    public async Task ChownAsync(string path, CancellationToken ct)
    {
        if (!IsRoot)
        {
            return;
        }

        await ProcessRunner.RunCheckedAsync(new ProcessSpec("chown", ["-R", $"{PostgresUser}:{PostgresUser}", path]), ToolTimeout, ct)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// When root, checks that the postgres user can traverse <paramref name="directory"/> and every parent of it
    /// (and, with <paramref name="write"/>, write into it). Always true otherwise.
    /// </summary>
    public async Task<bool> CanReachAsync(string directory, bool write, CancellationToken ct)
    {
        if (!IsRoot)
        {
            return true;
        }

        string[] args = write ? ["-x", directory, "-a", "-w", directory] : ["-x", directory];
        var result = await ProcessRunner.RunAsync(Wrap(new ProcessSpec("test", args)), ToolTimeout, ct).ConfigureAwait(false);
        return result.Succeeded;
    }
}
