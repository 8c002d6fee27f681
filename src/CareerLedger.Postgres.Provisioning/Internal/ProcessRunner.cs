using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CareerLedger.Postgres.Provisioning.Internal;

/// <summary>The outcome of one finished child process.</summary>
internal sealed record ProcessResult(int ExitCode, string StdOut, string StdErr)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The last <paramref name="count"/> non-blank lines of stderr (or stdout when stderr is empty), joined with " | ".</summary>
    public string Tail(int count = 5)
    {
        var text = string.IsNullOrWhiteSpace(StdErr) ? StdOut : StdErr;
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no output)" : string.Join(" | ", lines.TakeLast(count));
    }
}

/// <summary>What to run: an executable and its arguments, never a shell string.</summary>
internal sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>The child's working directory; <see langword="null"/> = inherit.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>A short name for messages, e.g. "initdb"; defaults to the file name.</summary>
    public string? DisplayName { get; init; }

    public string Name => DisplayName ?? Path.GetFileName(FileName);
}

/// <summary>Runs child processes with <see cref="ProcessStartInfo.ArgumentList"/>, captured output and a timeout.</summary>
internal static class ProcessRunner
{
    /// <summary>
    /// Runs <paramref name="spec"/> to completion and returns its exit code and output, whatever the exit code.
    /// </summary>
    /// <exception cref="FileNotFoundException">The executable could not be started (missing or not executable).</exception>
    /// <exception cref="TimeoutException"><paramref name="timeout"/> elapsed; the process tree was killed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled; the process tree was killed.</exception>
    public static async Task<ProcessResult> RunAsync(ProcessSpec spec, TimeSpan timeout, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(spec.FileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in spec.Arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        // Tool messages in English so that the few we look for (port clash, bad locale) can be recognised.
        psi.Environment["LC_ALL"] = "C";
        psi.Environment["LANGUAGE"] = "C";
        if (spec.WorkingDirectory is not null)
        {
            psi.WorkingDirectory = spec.WorkingDirectory;
        }

        using var process = new Process { StartInfo = psi };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new FileNotFoundException($"Could not run '{spec.FileName}': {ex.Message}", spec.FileName, ex);
        }

        process.StandardInput.Close();
        var stdoutTask = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderrTask = process.StandardError.ReadToEndAsync(CancellationToken.None);

        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutCts.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutCts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            ct.ThrowIfCancellationRequested();
            throw new TimeoutException(
                $"'{spec.Name}' did not finish within {timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s and was killed.");
        }

        // A grandchild that kept our pipes open must not hang us: give the readers a short grace period.
        var stdout = await ReadWithGraceAsync(stdoutTask).ConfigureAwait(false);
        var stderr = await ReadWithGraceAsync(stderrTask).ConfigureAwait(false);
        return new ProcessResult(process.ExitCode, stdout, stderr);
    }

    /// <summary>Like <see cref="RunAsync"/> but throws when the exit code is not 0.</summary>
    /// <exception cref="InvalidOperationException">The process exited with a non-zero code; the message carries its last stderr lines.</exception>
    public static async Task<ProcessResult> RunCheckedAsync(ProcessSpec spec, TimeSpan timeout, CancellationToken ct)
    {
        var result = await RunAsync(spec, timeout, ct).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw Failure(spec, result);
        }

        return result;
    }

    public static InvalidOperationException Failure(ProcessSpec spec, ProcessResult result, string? context = null) =>
        new($"{context ?? $"'{spec.Name}'"} failed (exit code {result.ExitCode.ToString(CultureInfo.InvariantCulture)}): {result.Tail()}");

    /// <summary>Finds an executable on PATH; <see langword="null"/> when absent.</summary>
    public static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH");
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Quotes one word for a POSIX shell (single quotes).</summary>
    public static string ShellQuote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        catch (Win32Exception)
        {
            // Not ours to kill any more.
        }
    }

    private static async Task<string> ReadWithGraceAsync(Task<string> read)
    {
        try
        {
            return await read.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return string.Empty;
        }
    }
}
