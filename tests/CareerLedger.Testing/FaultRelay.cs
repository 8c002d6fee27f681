using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace CareerLedger.Testing;

/// <summary>What <see cref="FaultRelay"/> does to the connection on which its armed pattern shows up.</summary>
public enum RelayCut
{
    /// <summary>Drops the client's message that contains the pattern (it never reaches PostgreSQL) and closes the connection.</summary>
    DropRequest,

    /// <summary>Forwards the message, waits for PostgreSQL's answer, drops the answer and closes the connection: the server did the work, the client never hears it.</summary>
    DropReply,
}

/// <summary>
/// A TCP relay between the app and PostgreSQL that cuts one connection at a chosen moment, to produce the failures an outage
/// causes at the moments where they matter: just before a <c>COMMIT</c> reaches the server, or after the server committed but before
/// its answer reaches the client. Listens on 127.0.0.1 on a free port and copies bytes both ways unchanged until armed with
/// <see cref="Arm"/>; the first client message containing the pattern then triggers the cut once.
/// </summary>
public sealed class FaultRelay : IAsyncDisposable
{
    /// <summary>
    /// The bytes of the PostgreSQL simple-query message <c>COMMIT</c> as Npgsql sends it to end a transaction
    /// (<c>'Q'</c>, length 11, <c>"COMMIT\0"</c>).
    /// </summary>
    public static readonly byte[] CommitMessage = [(byte)'Q', 0, 0, 0, 11, .. Encoding.ASCII.GetBytes("COMMIT"), 0];

    private const int BufferBytes = 64 * 1024;
    private readonly TcpListener _listener;
    private readonly DnsEndPoint _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Link, Task> _links = new();
    private readonly Task _accepting;
    private readonly object _gate = new();
    private byte[]? _pattern;
    private RelayCut _cut;
    private TaskCompletionSource? _triggered;

    private FaultRelay(DnsEndPoint server)
    {
        _server = server;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The port the relay listens on (127.0.0.1).</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Starts a relay to the TCP server of <paramref name="connectionString"/> (one host).</summary>
    public static FaultRelay Start(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return new FaultRelay(new DnsEndPoint(b.Host ?? "127.0.0.1", b.Port));
    }

    /// <summary><paramref name="connectionString"/> pointing at the relay instead of the server.</summary>
    public string Through(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = Port }.ConnectionString;

    /// <summary>
    /// Arms one cut: the next client message (on any connection) that contains <paramref name="pattern"/> triggers
    /// <paramref name="cut"/> on its connection. Replaces an earlier arming that has not triggered yet.
    /// </summary>
    /// <param name="pattern">Bytes to look for in what the client sends, e.g. <see cref="CommitMessage"/> or the ASCII of a function name.</param>
    /// <param name="cut">What to do then.</param>
    /// <returns>A task that completes when the connection was cut.</returns>
    public Task Arm(byte[] pattern, RelayCut cut)
    {
        lock (_gate)
        {
            _pattern = pattern;
            _cut = cut;
            _triggered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _triggered.Task;
        }
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

            var link = new Link(client);
            _links[link] = RelayAsync(link);
        }
    }

    private async Task RelayAsync(Link link)
    {
        try
        {
            link.Server = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await link.Server.ConnectAsync(_server, _stop.Token);
            await Task.WhenAll(ClientToServerAsync(link), ServerToClientAsync(link));
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

    private async Task ClientToServerAsync(Link link)
    {
        var buffer = new byte[BufferBytes];
        var carry = Array.Empty<byte>();
        try
        {
            while (true)
            {
                var n = await link.Client.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (n == 0)
                {
                    break;
                }

                // Look for the pattern in this chunk plus the end of the previous one, so a pattern split between two reads is found.
                byte[] window = [.. carry, .. buffer.AsSpan(0, n)];
                if (TakeTrigger(window, carry.Length) is { } trigger)
                {
                    if (trigger.Cut == RelayCut.DropRequest)
                    {
                        link.Close();
                        trigger.Done.TrySetResult();
                        return;
                    }

                    link.DropReplies = trigger.Done;
                }

                carry = window.Length > 64 ? window[^64..] : window;
                await link.Server!.SendAsync(buffer.AsMemory(0, n), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // one side closed
        }

        link.Close();
    }

    private async Task ServerToClientAsync(Link link)
    {
        var buffer = new byte[BufferBytes];
        try
        {
            while (true)
            {
                var n = await link.Server!.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (n == 0)
                {
                    break;
                }

                if (link.DropReplies is { } done)
                {
                    // The server answered the message that carried the pattern: it has done the work. The client never learns it.
                    link.Close();
                    done.TrySetResult();
                    return;
                }

                await link.Client.SendAsync(buffer.AsMemory(0, n), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // one side closed
        }

        link.Close();
    }

    /// <summary>The armed cut when <paramref name="window"/> has the pattern ending in its new part (after <paramref name="carried"/> old bytes).</summary>
    private (RelayCut Cut, TaskCompletionSource Done)? TakeTrigger(byte[] window, int carried)
    {
        lock (_gate)
        {
            if (_pattern is null || _triggered is null
                || window.AsSpan(Math.Max(0, carried - _pattern.Length + 1)).IndexOf(_pattern) < 0)
            {
                return null;
            }

            var trigger = (_cut, _triggered);
            _pattern = null;
            _triggered = null;
            return trigger;
        }
    }

    private sealed class Link(Socket client)
    {
        private int _closed;

        public Socket Client { get; } = client;

        public Socket? Server { get; set; }

        public volatile TaskCompletionSource? DropReplies;

        public void Close()
        {
            if (Interlocked.Exchange(ref _closed, 1) != 0)
            {
                return;
            }

            foreach (var socket in new[] { Client, Server })
            {
                try
                {
                    socket?.Close();
                }
                catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
                {
                    // already gone
                }
            }
        }
    }
}
