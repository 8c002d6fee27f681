using System.Collections;
using System.Diagnostics;
using CareerLedger.Testing;
using Xunit.Abstractions;

namespace CareerLedger.Postgres.Provisioning.Tests;

/// <summary>The fixture's choice of server: <c>CAREERLEDGER_TEST_DB</c>, else Testcontainers when Docker answers, else a local cluster.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TestPostgresSourceTests(PostgresFixture pg, ITestOutputHelper output)
{
    [Fact]
    public async Task an_explicit_test_database_is_used_as_is_without_asking_for_a_docker_engine()
    {
        var connectionString = await pg.CreateDatabaseAsync("explicit_source");
        var asked = false;

        await using var server = await SharedPostgres.StartAsync(
            connectionString,
            () =>
            {
                asked = true;
                return Task.FromResult<Uri?>(new Uri("unix:///var/run/docker.sock"));
            },
            new ProvisionerLog(output).Write);

        asked.ShouldBeFalse();
        server.Source.ShouldBe(TestPostgresSource.ConnectionString);
        server.ConnectionString.ShouldBe(connectionString);
        server.OwnsServer.ShouldBeFalse();
        server.Description.ShouldContain(SharedPostgres.ConnectionStringVariable);
    }

    [Fact]
    public async Task the_docker_probe_answers_in_well_under_a_second_and_the_shared_server_agrees_with_it()
    {
        var log = new ProvisionerLog(output);
        var clock = Stopwatch.StartNew();
        var engine = await DockerEngineProbe.FindAsync(log.Write);
        clock.Stop();
        output.WriteLine($"{clock.ElapsedMilliseconds} ms: {engine?.ToString() ?? "no engine"}; shared server: {pg.Server.Source}, {pg.Server.Description}");

        log.Lines.ShouldHaveSingleItem().ShouldStartWith("docker: ");
        if (engine is null)
        {
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
        }

        var expected = Environment.GetEnvironmentVariable(SharedPostgres.ConnectionStringVariable) is { Length: > 0 }
            ? TestPostgresSource.ConnectionString
            : engine is null ? TestPostgresSource.LocalCluster : TestPostgresSource.Testcontainers;
        pg.Server.Source.ShouldBe(expected);
    }

    [Fact]
    public async Task testcontainers_own_discovery_answers_within_the_probe_limit_without_failing()
    {
        var lines = new List<string>();

        var engine = await DockerEngineProbe.FindAsync(DockerEngineProbe.DiscoverWithTestcontainers, DockerEngineProbe.Timeout, lines.Add);
        output.WriteLine(lines.ShouldHaveSingleItem());

        lines[0].ShouldNotContain("failed");
        lines[0].ShouldNotContain("giving up");
        if (DockerEngineProbe.DockerHint(Environment.GetEnvironmentVariables(), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)) is null)
        {
            engine.ShouldBeNull("nothing on this machine points at a Docker engine");
        }
    }

    [Fact]
    public void a_docker_variable_or_a_testcontainers_properties_file_sends_the_probe_on_to_testcontainers()
    {
        var home = Directory.CreateTempSubdirectory("careerledger-home-").FullName;
        try
        {
            DockerEngineProbe.DockerHint(new Hashtable { ["DOCKER_HOST"] = "tcp://127.0.0.1:2375", ["PATH"] = "/usr/bin" }, home).ShouldBe("DOCKER_HOST");
            DockerEngineProbe.DockerHint(new Hashtable { ["TESTCONTAINERS_HOST_OVERRIDE"] = "localhost" }, home).ShouldBe("TESTCONTAINERS_HOST_OVERRIDE");

            var properties = Path.Combine(home, ".testcontainers.properties");
            File.WriteAllText(properties, "docker.host=tcp://127.0.0.1:2375\n");
            DockerEngineProbe.DockerHint(new Hashtable { ["DOCKER_HOST"] = string.Empty }, home).ShouldBe(properties, "an empty variable is no hint; the file is");
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task the_docker_probe_gives_up_on_an_endpoint_that_never_answers_and_calls_it_no_engine()
    {
        using var release = new ManualResetEventSlim();
        var lines = new List<string>();
        var clock = Stopwatch.StartNew();
        try
        {
            var engine = await DockerEngineProbe.FindAsync(
                () =>
                {
                    release.Wait();
                    return new Uri("tcp://127.0.0.1:2375");
                },
                TimeSpan.FromMilliseconds(200),
                lines.Add);
            clock.Stop();

            engine.ShouldBeNull();
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
            lines.ShouldHaveSingleItem().ShouldContain("no engine answered within");
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public async Task a_docker_discovery_that_throws_means_no_engine_instead_of_a_failed_run()
    {
        var lines = new List<string>();

        var engine = await DockerEngineProbe.FindAsync(
            () => throw new TypeInitializationException("DotNet.Testcontainers.Configurations.TestcontainersSettings", new IOException("broken properties file")),
            TimeSpan.FromSeconds(1),
            lines.Add);

        engine.ShouldBeNull();
        lines.ShouldHaveSingleItem().ShouldContain("broken properties file");
    }
}
