using System.Text;

namespace CareerLedger.Postgres.Provisioning.Internal;

// File and directory helpers: private files, server log reading and rotation, emptying and deleting directories.
internal sealed partial class LocalCluster
{
    private static void WritePrivateFile(string path, string content)
    {
        using var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        stream.Write(Encoding.UTF8.GetBytes(content + "\n"));
    }

    private static string ReadFrom(string file, long offset)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private static void RotateLog(string logFile)
    {
        try
        {
            if (File.Exists(logFile) && new FileInfo(logFile).Length > 10 * 1024 * 1024)
            {
                File.Move(logFile, logFile + ".old", overwrite: true);
            }
        }
        catch (IOException)
        {
            // Keep appending to the big one.
        }
    }

    private void EmptyDirectory(string path)
    {
        try
        {
            foreach (var entry in new DirectoryInfo(path).EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo dir)
                {
                    dir.Delete(recursive: true);
                }
                else
                {
                    entry.Delete();
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log($"could not empty {path} after a failed initdb: {ex.Message}; empty it by hand before the next start");
        }
    }

    private void DeleteDirectory(string path)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                if (attempt == 2)
                {
                    log($"could not delete {path}: {ex.Message}");
                }

                Thread.Sleep(200);
            }
        }
    }
}
