using CareerLedger.Benchmarks;

// The benchmark behind docs/performance.md. Run it with ops/bench (Release build of the app and of this program).
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message + "\n\n" + BenchOptions.Usage);
    return 2;
}

if (options.Help)
{
    Console.Out.WriteLine(BenchOptions.Usage);
    return 0;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    var report = await Bench.RunAsync(options, cancel.Token);
    var markdown = report.Render();
    Console.Out.Write(markdown);
    if (options.OutputFile is { } file)
    {
        await File.WriteAllTextAsync(file, markdown);
        await Console.Error.WriteLineAsync($"[bench] report written to {file}");
    }

    return 0;
}
catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or Npgsql.NpgsqlException or TimeoutException or IOException)
{
    await Console.Error.WriteLineAsync($"[bench] failed: {ex.Message}");
    return 1;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("[bench] cancelled");
    return 130;
}
