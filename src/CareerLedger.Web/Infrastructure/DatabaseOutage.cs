using System.Globalization;
using System.Net.Sockets;
using Marten;
using Marten.Services;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace CareerLedger.Web.Infrastructure;

/// <summary>Where a request's database work was when the connection to PostgreSQL failed (<see cref="DatabaseOutage.Recognise"/>).</summary>
public enum OutageStage
{
    /// <summary>Opening a connection: refused, timed out, the pool exhausted, or the server refused the start-up (57P03, 53300). Nothing was sent.</summary>
    Connecting,

    /// <summary>Checking the request's access token, before the endpoint ran. Nothing of the request's own work was done.</summary>
    SigningIn,

    /// <summary>In a Marten query (a read). Nothing was written by it.</summary>
    Reading,

    /// <summary>In Marten's transaction before its COMMIT was sent: PostgreSQL rolls it back when the connection goes, so nothing of it was saved.</summary>
    BeforeCommit,

    /// <summary>While COMMIT was sent or its answer awaited: the transaction may or may not have been committed.</summary>
    Committing,

    /// <summary>In some other statement (an account update, a job): whether it took effect is unknown.</summary>
    Statement,
}

/// <summary>A request's failure recognised as PostgreSQL being unreachable.</summary>
/// <param name="Stage">Where the work was when it failed.</param>
/// <param name="Cause">The exception in the chain that says the database is gone (an <see cref="NpgsqlException"/>).</param>
public sealed record DatabaseFailure(OutageStage Stage, Exception Cause);

/// <summary>
/// Recognises "PostgreSQL is unreachable" however Marten, Wolverine, Hangfire or Npgsql wrapped it, and answers it with 503 and
/// <c>Retry-After</c> instead of a 500 (docs/event-store.md, "Outages and crashes"). For writes the problem says whether the change was
/// saved: <c>outcome</c> <c>not_saved</c> when the failure came before anything could be committed, <c>unknown</c> when the connection
/// broke while COMMIT was in flight (or the stage cannot be told), because then only a resend with the same <c>Idempotency-Key</c> or a
/// read tells which.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>The <c>Retry-After</c> of a 503, in seconds: about what a PostgreSQL restart takes.</summary>
    public const int RetryAfterSeconds = 2;

    /// <summary>The connect timeout set when the connection string leaves Npgsql's default (15 s), in seconds.</summary>
    public const int ConnectTimeoutSeconds = 5;

    /// <summary>The keepalive interval on idle connections set when the connection string has none, in seconds.</summary>
    public const int KeepAliveSeconds = 2;

    private const int NpgsqlDefaultTimeoutSeconds = 15;

    /// <summary>
    /// SQLSTATEs that mean the server went away or will not take a connection now (besides class 08, connection exception, which
    /// counts as a whole): 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections.
    /// </summary>
    private static readonly HashSet<string> OutageStates = ["57P01", "57P02", "57P03", "53300"];

    /// <summary>
    /// Finds, in <paramref name="exception"/> and everything it wraps (inner exceptions, every member of an
    /// <see cref="AggregateException"/>), a sign that PostgreSQL is unreachable, and tells where the work was.
    /// Signs: a <see cref="PostgresException"/> of SQLSTATE class 08 or 57P01, 57P02, 57P03, 53300; an <see cref="NpgsqlException"/> that
    /// Npgsql calls transient because of the I/O under it (a <see cref="SocketException"/>, an <see cref="IOException"/> such as
    /// <see cref="EndOfStreamException"/> "Exception while reading from stream", a <see cref="TimeoutException"/> opening a connection
    /// or waiting for the pool). Wrappers around one of those (Marten's <c>MartenCommandException</c>, the
    /// <see cref="ObjectDisposedException"/> of a transaction whose connector broke) count through what they wrap. Anything else,
    /// including a bare socket error of an HTTP client, is not a database outage.
    /// </summary>
    /// <param name="exception">The exception a request ended with.</param>
    /// <returns>The failure, or null when the exception is not a database outage.</returns>
    public static DatabaseFailure? Recognise(Exception exception)
    {
        var chain = Flatten(exception).ToList();
        var cause = chain.FirstOrDefault(IsOutageSign);
        return cause is null ? null : new DatabaseFailure(StageOf(chain), cause);
    }

    /// <summary>
    /// The Npgsql settings the app's data source gets unless the connection string sets them (docs/event-store.md, "Outages and
    /// crashes"): <c>Timeout</c> (connect and pool wait) 5 s instead of 15 s, so a request answers 503 within seconds when the server
    /// does not answer at all; <c>Keepalive</c> 2 s, so idle pooled connections to a server that went away are found dead (and the pool
    /// cleared) within seconds, also while no request comes in.
    /// </summary>
    /// <param name="connection">The data source's connection string, changed in place.</param>
    public static void ApplyConnectionDefaults(NpgsqlConnectionStringBuilder connection)
    {
        if (connection.Timeout == NpgsqlDefaultTimeoutSeconds)
        {
            connection.Timeout = ConnectTimeoutSeconds;
        }

        if (connection.KeepAlive == 0)
        {
            connection.KeepAlive = KeepAliveSeconds;
        }
    }

    /// <summary>
    /// Registers the commit counter that lets a failed write say whether an earlier step of the same request was already committed
    /// (a Marten session listener on every session).
    /// </summary>
    public static IServiceCollection AddDatabaseOutageHandling(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<OutageLog>();
        services.ConfigureMarten((sp, options) => options.Listeners.Add(new RequestCommitCounter(sp.GetRequiredService<IHttpContextAccessor>())));
        return services;
    }

    /// <summary>
    /// Answers <paramref name="failure"/>: 503, <c>Retry-After: 2</c>, and a problem whose <c>detail</c> says what happened to the
    /// request and whose <c>outcome</c> (writes only) is <c>not_saved</c> or <c>unknown</c>.
    /// </summary>
    /// <param name="problems">The app's problem writer.</param>
    /// <param name="http">The failed request.</param>
    /// <param name="exception">The exception it ended with.</param>
    /// <param name="failure">What <see cref="Recognise"/> found.</param>
    /// <param name="logger">Receives a warning line (no stack trace: an outage is not a bug), at most one per <see cref="OutageLog.Interval"/>.</param>
    /// <returns>Whether the problem was written.</returns>
    public static async ValueTask<bool> WriteProblemAsync(
        IProblemDetailsService problems, HttpContext http, Exception exception, DatabaseFailure failure, ILogger logger)
    {
        var problem = ProblemFor(http.Request.Method, failure, CommitsSoFar(http));
        var outcome = problem.Extensions.TryGetValue("outcome", out var o) ? o as string : null;
        (http.RequestServices.GetService<OutageLog>() ?? new OutageLog()).Report(logger, http.Request, failure, outcome);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The problem for a request of <paramref name="method"/> that failed at <paramref name="failure"/>'s stage after <paramref name="commits"/> commits.</summary>
    internal static ProblemDetails ProblemFor(string method, DatabaseFailure failure, int commits)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "The database is unavailable.",
        };
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
        {
            problem.Detail = $"PostgreSQL is not answering, so this could not be read. Try again in {RetryAfterSeconds} s.";
            return problem;
        }

        var nothingSent = failure.Stage is OutageStage.Connecting or OutageStage.SigningIn or OutageStage.Reading or OutageStage.BeforeCommit;
        if (nothingSent && commits == 0)
        {
            problem.Detail = $"PostgreSQL is not answering, so nothing was saved. Send the request again in {RetryAfterSeconds} s (with the same Idempotency-Key, if it had one).";
            problem.Extensions["outcome"] = "not_saved";
            return problem;
        }

        problem.Detail = failure.Stage == OutageStage.Committing
            ? "The connection to PostgreSQL broke while the change was being committed: the change may or may not have been saved. "
            : commits > 0
                ? "The connection to PostgreSQL broke after part of this request was saved: the change may be saved in part or in full. "
                : "The connection to PostgreSQL broke while the change was being written: the change may or may not have been saved. ";
        problem.Detail += $"Resend it with the same Idempotency-Key in {RetryAfterSeconds} s: a create that was saved then answers 200 with the stored item, " +
            "never a second one; for a change sent with If-Match, read the item first (a 409 on resend means it was saved).";
        problem.Extensions["outcome"] = "unknown";
        return problem;
    }

    private static bool IsOutageSign(Exception e) => e switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) || OutageStates.Contains(pg.SqlState),
        NpgsqlException npgsql => npgsql.InnerException is IOException or SocketException or TimeoutException,
        _ => false,
    };

    /// <summary>
    /// Where the work was, from the stack traces of the chain (the frames each exception passed through): a COMMIT frame anywhere
    /// means the commit's outcome is unknown; otherwise a connection-opening frame means nothing was sent; the authentication handler
    /// means the endpoint had not run; a frame of Marten's batch execution (or of the rollback after it) means its transaction had not
    /// committed; another Marten frame means a query. Anything else (raw SQL, a job) is a statement of unknown effect.
    /// </summary>
    private static OutageStage StageOf(IReadOnlyList<Exception> chain)
    {
        var traces = chain.Select(e => e.StackTrace ?? "").ToList();
        bool Any(params string[] frames) => traces.Exists(t => frames.Any(f => t.Contains(f, StringComparison.Ordinal)));

        if (Any("Npgsql.NpgsqlTransaction.Commit"))
        {
            return OutageStage.Committing;
        }

        if (Any("Npgsql.Internal.NpgsqlConnector.Open(", "Npgsql.Internal.NpgsqlConnector.<Open>", "Npgsql.PoolingDataSource.", "Npgsql.UnpooledDataSource.", "Npgsql.NpgsqlConnection.<Open>", "Npgsql.NpgsqlConnection.Open("))
        {
            return OutageStage.Connecting;
        }

        if (Any("Microsoft.AspNetCore.Authentication.AuthenticationHandler"))
        {
            return OutageStage.SigningIn;
        }

        if (Any(".ExecuteBatchPagesAsync(", "Npgsql.NpgsqlTransaction.Rollback"))
        {
            return OutageStage.BeforeCommit;
        }

        return Any("at Marten.") ? OutageStage.Reading : OutageStage.Statement;
    }

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        var pending = new Stack<Exception>();
        pending.Push(exception);
        var seen = 0;
        while (pending.Count > 0 && seen++ < 64)
        {
            var e = pending.Pop();
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.Reverse())
                {
                    pending.Push(inner);
                }
            }
            else if (e.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }

    private static int CommitsSoFar(HttpContext http) => http.Items.TryGetValue(RequestCommitCounter.ItemKey, out var n) && n is int count ? count : 0;

    /// <summary>Counts the Marten commits of the current request in <see cref="HttpContext.Items"/>.</summary>
    private sealed class RequestCommitCounter(IHttpContextAccessor accessor) : DocumentSessionListenerBase
    {
        public const string ItemKey = "careerledger.commits";

        public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            if (accessor.HttpContext is { } http)
            {
                lock (http.Items)
                {
                    http.Items[ItemKey] = (http.Items.TryGetValue(ItemKey, out var n) && n is int count ? count : 0) + 1;
                }
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>The first line of an exception message (Npgsql appends a DETAIL line to a server's error).</summary>
    internal static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}

/// <summary>
/// Logs answered outages without flooding the log: the first failure after a quiet spell at once, then at most one line per
/// <see cref="Interval"/>, each saying how many more requests were answered 503 since the previous line. Thread-safe.
/// </summary>
public sealed class OutageLog
{
    /// <summary>The shortest time between two log lines, 10 s.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly object _gate = new();
    private long _lastMilliseconds = long.MinValue;
    private int _suppressed;

    /// <summary>Logs one answered outage, or counts it for the next line.</summary>
    /// <param name="logger">Where the line goes (warning level).</param>
    /// <param name="request">The request answered 503.</param>
    /// <param name="failure">What was recognised.</param>
    /// <param name="outcome"><c>not_saved</c>, <c>unknown</c>, or null for a read.</param>
    public void Report(ILogger logger, HttpRequest request, DatabaseFailure failure, string? outcome)
    {
        int suppressed;
        lock (_gate)
        {
            var now = Environment.TickCount64; // monotonic, unlike the app's (settable) clock
            if (_lastMilliseconds != long.MinValue && now - _lastMilliseconds < (long)Interval.TotalMilliseconds)
            {
                _suppressed++;
                return;
            }

            _lastMilliseconds = now;
            suppressed = _suppressed;
            _suppressed = 0;
        }

        logger.LogWarning(
            "PostgreSQL unreachable on {Method} {Path} ({Stage}: {Cause}): answered 503 ({Outcome}); {Suppressed} more answered 503 since the previous line",
            request.Method, request.Path, failure.Stage, DatabaseOutage.FirstLine(failure.Cause.Message), outcome ?? "read", suppressed);
    }
}
