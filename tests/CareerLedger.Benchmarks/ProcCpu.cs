using System.Globalization;

namespace CareerLedger.Benchmarks;

/// <summary>CPU time of processes from /proc/PID/stat (user + system), for the load table's diagnosis.</summary>
internal static class ProcCpu
{
    /// <summary>USER_HZ: the unit of the times in /proc/PID/stat (100 on every Linux architecture .NET runs on).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>CPU time of one process, or null when it is gone.</summary>
    public static TimeSpan? Of(int pid) => Read(pid) is { } stat ? stat.Cpu : null;

    /// <summary>CPU time of <paramref name="root"/> and its direct children (a PostgreSQL postmaster and its backends).</summary>
    /// <remarks>Children that exited before the call are not counted; the app's pooled connections keep their backends.</remarks>
    public static TimeSpan TreeOf(int root)
    {
        var total = TimeSpan.Zero;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Read(pid) is { } stat
                && (pid == root || stat.ParentPid == root))
            {
                total += stat.Cpu;
            }
        }

        return total;
    }

    /// <summary>The command name (from /proc/PID/comm) and the parent of a process, or null when it is gone.</summary>
    public static (string Name, int ParentPid)? Describe(int pid)
    {
        try
        {
            var name = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/comm").Trim();
            return Read(pid) is { } stat ? (name, stat.ParentPid) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static (int ParentPid, TimeSpan Cpu)? Read(int pid)
    {
        string line;
        try
        {
            line = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid ... utime stime ...": comm may hold spaces and parentheses, so split after the last ')'.
        var close = line.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        var f = line[(close + 2)..].Split(' ');
        if (f.Length < 13)
        {
            return null;
        }

        var ticks = long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture);
        return (int.Parse(f[1], CultureInfo.InvariantCulture), TimeSpan.FromSeconds(ticks / TicksPerSecond));
    }
}
