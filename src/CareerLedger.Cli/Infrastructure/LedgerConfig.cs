using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareerLedger.Cli.Infrastructure;

/// <summary>The saved login: <c>config.json</c> in the config directory.</summary>
internal sealed record LedgerConfig
{
    public string? Server { get; init; }
    public string? Token { get; init; }
    public Guid? TokenId { get; init; }
    public string? Email { get; init; }
}

/// <summary>Reads and writes <see cref="LedgerConfig"/>; the file is created with mode 0600 (directory 0700) on Unix.</summary>
internal sealed class ConfigStore(string directory)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string FilePath => Path.Combine(directory, "config.json");

    public LedgerConfig Load()
    {
        string text;
        try
        {
            if (!File.Exists(FilePath))
            {
                return new LedgerConfig();
            }

            text = File.ReadAllText(FilePath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CliException.Validation($"cannot read {FilePath}: {ex.Message}");
        }

        try
        {
            return JsonSerializer.Deserialize<LedgerConfig>(text, Json) ?? new LedgerConfig();
        }
        catch (JsonException ex)
        {
            throw CliException.Validation($"{FilePath} is not valid JSON ({ex.Message}); fix or delete it and run `ledger login`");
        }
    }

    public void Save(LedgerConfig config)
    {
        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            // Write a private temp file next to the real one, then move it over: never a moment with the token world-readable.
            var temp = FilePath + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temp, options))
            {
                JsonSerializer.Serialize(stream, config, Json);
            }

            File.Move(temp, FilePath, overwrite: true);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(FilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CliException.Validation($"cannot write {FilePath}: {ex.Message}");
        }
    }
}
