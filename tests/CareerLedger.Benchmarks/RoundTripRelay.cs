using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CareerLedger.Benchmarks;

/// <summary>
/// A counting relay between a client and PostgreSQL: listens on 127.0.0.1 on a free port and forwards every accepted
/// connection to the server of a connection string (TCP host and port, or a Unix socket directory), copying bytes both ways
/// unchanged. It counts round trips: on each connection, every time the client sends after the server last sent (or sends
/// for the first time) is one round trip. Connection start-up (SSL request, start-up message, authentication) counts too,
/// so measure on connections that are already open (a warmed pool) and watch <see cref="Connections"/>.
/// </summary>
internal sealed class RoundTripRelay : IAsyncDisposable
{
    private const int BufferBytes = 64 * 1024;
    private readonly TcpListener _listener;
    private readonly EndPoint _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Link, Task> _links = new();
    private readonly Task _accepting;
    private long _roundTrips;
    private long _connections;

    private RoundTripRelay(EndPoint server)
    {
        _server = server;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The port the relay listens on (127.0.0.1).</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Round trips on all connections since the start or the last <see cref="Reset"/>.</summary>
    public long RoundTrips => Interlocked.Read(ref _roundTrips);

    /// <summary>Connections accepted since the start or the last <see cref="Reset"/>.</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>Starts a relay to the server of <paramref name="connectionString"/>.</summary>
    /// <param name="connectionString">An Npgsql connection string with one host: a name or address, or a Unix socket directory.</param>
    /// <param name="unavailable">Why no relay could be started, when the result is null.</param>
    public static RoundTripRelay? Start(string connectionString, out string? unavailable)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var host = b.Host;
        if (string.IsNullOrEmpty(host) || host.Contains(',', StringComparison.Ordinal))
        {
            unavailable = "the relay needs exactly one Host in the connection string";
            return null;
        }

        // Npgsql takes a Host that starts with '/' as the directory of the server's Unix socket.
        EndPoint server = host.StartsWith('/')
            ? new UnixDomainSocketEndPoint(Path.Combine(host, ".s.PGSQL." + b.Port.ToString(CultureInfo.InvariantCulture)))
            : new DnsEndPoint(host, b.Port);
        unavailable = null;
        return new RoundTripRelay(server);
    }

    /// <summary>
    /// <paramref name="connectionString"/> pointing at the relay instead of the server. With <c>SSL Mode=VerifyFull</c> the
    /// certificate check would fail (the host is now 127.0.0.1); every other setting works through the relay.
    /// </summary>
    public string Through(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = Port }.ConnectionString;

    /// <summary>
    /// Checks the counting on a connection of its own through the relay: <c>select 1</c> three times must count 3 round trips,
    /// an <see cref="NpgsqlBatch"/> of two commands 1, and <c>BEGIN</c> + <c>select 1</c> + <c>COMMIT</c> 2 (Npgsql sends
    /// <c>BEGIN</c> with the next command). Resets the counters.
    /// </summary>
    /// <param name="connectionString">A connection string of the server the relay forwards to.</param>
    /// <param name="ct">Cancels the check.</param>
    /// <returns>What was counted, for a progress line.</returns>
    /// <exception cref="InvalidOperationException">A count differs from the expected one.</exception>
    public async Task<string> CheckAsync(string connectionString, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Through(connectionString)) { Pooling = false }.ConnectionString);
        await conn.OpenAsync(ct); // start-up round trips happen here, before counting
        async Task<long> CountAsync(Func<Task> work)
        {
            Reset();
            await work();
            return RoundTrips;
        }

        var three = await CountAsync(async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                await using var cmd = new NpgsqlCommand("select 1", conn);
                await cmd.ExecuteScalarAsync(ct);
            }
        });
        var batch = await CountAsync(async () =>
        {
            await using var b = new NpgsqlBatch(conn) { BatchCommands = { new("select 1"), new("select 2") } };
            await b.ExecuteNonQueryAsync(ct);
        });
        var transaction = await CountAsync(async () =>
        {
            await using var tx = await conn.BeginTransactionAsync(ct);
            await using var cmd = new NpgsqlCommand("select 1", conn, tx);
            await cmd.ExecuteScalarAsync(ct);
            await tx.CommitAsync(ct);
        });
        Reset();
        var counted = string.Create(CultureInfo.InvariantCulture,
            $"select 1 three times: {three} round trips (expected 3); a batch of 2 commands: {batch} (expected 1); BEGIN + select 1 + COMMIT: {transaction} (expected 2)");
        return three == 3 && batch == 1 && transaction == 2
            ? counted
            : throw new InvalidOperationException("The round-trip relay miscounts: " + counted);
    }

    /// <summary>Sets <see cref="RoundTrips"/> and <see cref="Connections"/> to zero.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _roundTrips, 0);
        Interlocked.Exchange(ref _connections, 0);
    }

    /// <summary>Stops listening and closes every relayed connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var link in _links.Keys)
        {
            link.Close();
        }

        await _accepting;
        await Task.WhenAll(_links.Values);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            var link = new Link(client);
            _links[link] = RelayAsync(link);
        }
    }

    private async Task RelayAsync(Link link)
    {
        try
        {
            link.Server = _server is UnixDomainSocketEndPoint
                ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
                : new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await link.Server.ConnectAsync(_server, _stop.Token);
            await Task.WhenAll(
                PumpAsync(link.Client, link.Server, () =>
                {
                    if (Interlocked.Exchange(ref link.ServerSpokeLast, 0) == 1)
                    {
                        Interlocked.Increment(ref _roundTrips);
                    }
                }),
                PumpAsync(link.Server, link.Client, () => Volatile.Write(ref link.ServerSpokeLast, 1)));
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // the server is unreachable, or the relay is stopping: the client sees its connection close
        }
        finally
        {
            link.Close();
            _links.TryRemove(link, out _);
        }
    }

    /// <summary>Copies <paramref name="from"/> to <paramref name="to"/> until <paramref name="from"/> ends; calls <paramref name="received"/> before forwarding each chunk.</summary>
    private async Task PumpAsync(Socket from, Socket to, Action received)
    {
        var buffer = new byte[BufferBytes];
        try
        {
            while (true)
            {
                var n = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (n == 0)
                {
                    to.Shutdown(SocketShutdown.Send); // pass the end on; the other direction may still be talking
                    return;
                }

                received();
                for (var sent = 0; sent < n;)
                {
                    sent += await to.SendAsync(buffer.AsMemory(sent, n - sent), SocketFlags.None, _stop.Token);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // one side reset or closed: end both directions
            from.Dispose();
            to.Dispose();
        }
    }

    /// <summary>One relayed connection.</summary>
    private sealed class Link(Socket client)
    {
        /// <summary>1 when the server sent last (or nothing was sent yet), else 0.</summary>
        public int ServerSpokeLast = 1;

        public Socket Client { get; } = ConfigureClient(client);

        public Socket? Server { get; set; }

        public void Close()
        {
            Client.Dispose();
            Server?.Dispose();
        }

        private static Socket ConfigureClient(Socket socket)
        {
            socket.NoDelay = true;
            return socket;
        }
    }
}

/// <summary>Round trips between the app and PostgreSQL during a batch of requests, counted by <see cref="RoundTripRelay"/>.</summary>
/// <param name="Requests">Requests in the batch.</param>
/// <param name="RoundTrips">Round trips on all of the app's connections during the batch.</param>
/// <param name="Connections">Connections the app opened during the batch: 0 on a warmed pool; otherwise their start-up round trips are included.</param>
internal sealed record RoundTripCount(int Requests, long RoundTrips, long Connections)
{
    /// <summary>Round trips per request.</summary>
    public double PerRequest => RoundTrips / (double)Requests;
}
