using CareerLedger.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await LedgerCli.RunAsync(args, Console.Out, Console.Error, CliEnvironment.FromProcess(), cancel.Token);
