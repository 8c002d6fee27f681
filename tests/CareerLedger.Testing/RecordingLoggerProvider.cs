using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CareerLedger.Testing;

/// <summary>One log entry kept by <see cref="RecordingLoggerProvider"/>.</summary>
/// <param name="Category">The logger's category (usually a type name).</param>
/// <param name="Level">The entry's level.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Exception">The exception logged with it, if any.</param>
public sealed record RecordedLogEntry(string Category, LogLevel Level, string Message, Exception? Exception);

/// <summary>
/// Keeps every log entry at or above <see cref="MinimumLevel"/> in memory, so a test can assert what the app logged (for example
/// that no request ended as an unhandled error). Thread-safe.
/// </summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<RecordedLogEntry> _entries = new();

    /// <summary>The lowest level kept; <see cref="LogLevel.Warning"/> by default.</summary>
    public LogLevel MinimumLevel { get; init; } = LogLevel.Warning;

    /// <summary>The entries kept so far, oldest first.</summary>
    public IReadOnlyList<RecordedLogEntry> Entries => [.. _entries];

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Recorder(RecordingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner.MinimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner._entries.Enqueue(new RecordedLogEntry(category, logLevel, formatter(state, exception), exception));
            }
        }
    }
}
