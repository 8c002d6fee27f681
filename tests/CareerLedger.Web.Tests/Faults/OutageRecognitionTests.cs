using System.Net.Sockets;
using CareerLedger.Web.Infrastructure;
using Npgsql;

namespace CareerLedger.Web.Tests.Faults;

/// <summary>Which exceptions count as "PostgreSQL is unreachable", however they are wrapped, and what a 503 then says.</summary>
public sealed class OutageRecognitionTests
{
    private static readonly Dictionary<string, Exception> OutageCases = new()
    {
        ["refused"] = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)),
        ["end of stream"] = new NpgsqlException("Exception while reading from stream", new EndOfStreamException()),
        ["connect timeout"] = new NpgsqlException("Exception while connecting", new TimeoutException()),
        ["pool exhausted"] = new NpgsqlException("The connection pool has been exhausted", new TimeoutException()),
        ["57P01 admin_shutdown"] = Postgres("57P01"),
        ["57P02 crash_shutdown"] = Postgres("57P02"),
        ["57P03 cannot_connect_now"] = Postgres("57P03"),
        ["53300 too_many_connections"] = Postgres("53300"),
        ["08006 connection_failure"] = Postgres("08006"),
        ["08001 unable to connect"] = Postgres("08001"),
        ["wrapped by Marten"] = new InvalidOperationException("Marten Command Failure", Postgres("57P01")),
        ["disposed transaction of a broken connector"] = new ObjectDisposedException("NpgsqlTransaction", new NpgsqlException("Exception while reading from stream", new IOException("reset"))),
        ["in an aggregate"] = new AggregateException(new InvalidOperationException("first"), new NpgsqlException("x", new SocketException())),
        ["nested transient"] = new NpgsqlException("outer", new NpgsqlException("inner", new SocketException())),
    };

    private static readonly Dictionary<string, Exception> OtherCases = new()
    {
        ["unique violation"] = Postgres("23505"),
        ["serialization failure"] = Postgres("40001"),
        ["statement timeout"] = Postgres("57014"),
        ["bad password"] = Postgres("28P01"),
        ["an HTTP client's socket error"] = new HttpRequestException("model endpoint", new SocketException((int)SocketError.ConnectionRefused)),
        ["a bare timeout"] = new TimeoutException(),
        ["a plain Npgsql error"] = new NpgsqlException("Unknown message code"),
        ["cancelled"] = new OperationCanceledException(),
    };

    public static TheoryData<string> Outages => new(OutageCases.Keys);

    public static TheoryData<string> NotOutages => new(OtherCases.Keys);

    [Theory]
    [MemberData(nameof(Outages))]
    public void an_outage_is_recognised_through_any_wrapping(string name)
    {
        var failure = DatabaseOutage.Recognise(OutageCases[name]);

        failure.ShouldNotBeNull(name);
        failure.Cause.ShouldBeAssignableTo<NpgsqlException>();
    }

    [Theory]
    [MemberData(nameof(NotOutages))]
    public void other_failures_are_not_outages(string name) =>
        DatabaseOutage.Recognise(OtherCases[name]).ShouldBeNull(name);

    [Fact]
    public void the_stage_comes_from_where_the_exception_was_thrown()
    {
        static DatabaseFailure? Thrown(Action action)
        {
            try
            {
                action();
                return null;
            }
            catch (Exception ex)
            {
                return DatabaseOutage.Recognise(ex);
            }
        }

        // Opening a connection to a port nobody listens on: thrown from Npgsql's connector while connecting.
        var port = FreePort();
        using var refused = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=x;Password=y;Timeout=2;Pooling=false");
        Thrown(() => refused.Open())!.Stage.ShouldBe(OutageStage.Connecting);

        // Thrown anywhere else, outside Marten: a statement whose effect is unknown.
        Thrown(() => throw new NpgsqlException("Exception while reading from stream", new EndOfStreamException()))!.Stage.ShouldBe(OutageStage.Statement);
    }

    [Fact]
    public void a_read_is_told_to_try_again_without_an_outcome()
    {
        var problem = DatabaseOutage.ProblemFor("GET", new DatabaseFailure(OutageStage.Statement, new NpgsqlException()), commits: 0);

        problem.Status.ShouldBe(503);
        problem.Extensions.ShouldNotContainKey("outcome");
        problem.Detail.ShouldBe("PostgreSQL is not answering, so this could not be read. Try again in 2 s.");
    }

    [Theory]
    [InlineData(OutageStage.Connecting, 0, "not_saved")]
    [InlineData(OutageStage.SigningIn, 0, "not_saved")]
    [InlineData(OutageStage.Reading, 0, "not_saved")]
    [InlineData(OutageStage.BeforeCommit, 0, "not_saved")]
    [InlineData(OutageStage.Committing, 0, "unknown")]
    [InlineData(OutageStage.Statement, 0, "unknown")]
    [InlineData(OutageStage.Connecting, 1, "unknown")]
    [InlineData(OutageStage.BeforeCommit, 2, "unknown")]
    public void a_write_says_whether_it_was_saved(OutageStage stage, int commitsEarlierInTheRequest, string outcome)
    {
        var problem = DatabaseOutage.ProblemFor("POST", new DatabaseFailure(stage, new NpgsqlException()), commitsEarlierInTheRequest);

        problem.Status.ShouldBe(503);
        problem.Extensions["outcome"].ShouldBe(outcome);
        problem.Detail!.ShouldContain(outcome == "unknown" ? "Resend it with the same Idempotency-Key" : "nothing was saved");
    }

    [Fact]
    public void the_connection_defaults_apply_only_where_the_connection_string_keeps_npgsqls_defaults()
    {
        var plain = new NpgsqlConnectionStringBuilder("Host=db;Username=u");
        DatabaseOutage.ApplyConnectionDefaults(plain);
        plain.Timeout.ShouldBe(5);
        plain.KeepAlive.ShouldBe(2);

        var chosen = new NpgsqlConnectionStringBuilder("Host=db;Username=u;Timeout=30;Keepalive=60");
        DatabaseOutage.ApplyConnectionDefaults(chosen);
        chosen.Timeout.ShouldBe(30);
        chosen.KeepAlive.ShouldBe(60);
    }

    private static PostgresException Postgres(string sqlState) => new("message", "FATAL", "FATAL", sqlState);

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
