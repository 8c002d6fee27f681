using System.Diagnostics;
using System.Globalization;

namespace CareerLedger.Postgres.Provisioning.Internal;

// Cleanup of abandoned throwaway clusters: the owner file, and the sweep that removes clusters whose process is gone.
internal sealed partial class LocalCluster
{
    /// <summary>
    /// Stops and deletes throwaway clusters whose owning process is gone (killed test hosts), so they do not pile up.
    /// Best effort; never throws.
    /// </summary>
    private async Task SweepAbandonedAsync(string tempBase, CancellationToken ct)
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateDirectories(tempBase, ThrowawayPrefix + "*").ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var root in candidates)
        {
            if (!IsAbandoned(root))
            {
                continue;
            }

            log($"removing abandoned throwaway cluster {root} (its process is gone)");
            await StopThrowawayAsync(Path.Combine(root, "data")).ConfigureAwait(false);
            if (root.EndsWith(DeletingSuffix, StringComparison.Ordinal))
            {
                DeleteDirectory(root);
            }
            else
            {
                DeleteThrowaway(root);
            }
        }
    }

    private static bool IsAbandoned(string root)
    {
        try
        {
            if (root.EndsWith(DeletingSuffix, StringComparison.Ordinal))
            {
                // A deletion cut short. Let a deletion in progress finish first.
                return Directory.GetLastWriteTimeUtc(root) < DateTime.UtcNow.AddMinutes(-1);
            }

            var ownerFile = Path.Combine(root, OwnerFileName);
            if (!File.Exists(ownerFile))
            {
                // The owner file is written right after the directory is created: without one after minutes, it is debris.
                return Directory.GetCreationTimeUtc(root) < DateTime.UtcNow.AddMinutes(-5);
            }

            var parts = File.ReadAllText(ownerFile).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length < 2
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var startTicks))
            {
                return false;
            }

            if (IsZombie(pid))
            {
                return true; // killed, not yet reaped
            }

            try
            {
                using var owner = Process.GetProcessById(pid);
                var ownerStart = owner.StartTime.ToUniversalTime().Ticks;
                return Math.Abs(ownerStart - startTicks) > TimeSpan.TicksPerSecond; // pid reused by another process
            }
            catch (ArgumentException)
            {
                return true; // no such process
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>True when <paramref name="pid"/> is a zombie (Linux /proc); false when alive, gone, or unknown.</summary>
    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var close = stat.LastIndexOf(')');
            return close > 0 && close + 2 < stat.Length && stat[close + 2] == 'Z';
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void WriteOwnerFile(string root)
    {
        using var self = Process.GetCurrentProcess();
        var text = string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId} {self.StartTime.ToUniversalTime().Ticks}\n");
        File.WriteAllText(Path.Combine(root, OwnerFileName), text);
    }
}
