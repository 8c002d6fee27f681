using System.Diagnostics;
using Xunit.Abstractions;

namespace CareerLedger.Postgres.Provisioning.Tests;

[Collection(LocalClusterTests.Name)]
public sealed class DockerFallbackTests(ITestOutputHelper output)
{
    [Fact]
    public async Task prefer_docker_without_a_docker_engine_falls_through_to_local_binaries_well_within_ten_seconds()
    {
        // No engine runs here; pointing DOCKER_HOST at a socket that does not exist makes that true on any machine.
        var previous = Environment.GetEnvironmentVariable("DOCKER_HOST");
        Environment.SetEnvironmentVariable("DOCKER_HOST", "unix:///nonexistent-careerledger-tests/docker.sock");
        var log = new ProvisionerLog(output);
        PostgresServer server;
        var clock = Stopwatch.StartNew();
        try
        {
            server = await PostgresProvisioner.StartAsync(
                new PostgresProvisioningOptions { PreferDocker = true, FastUnsafe = true, DatabaseName = "docker_fallback_test" }, log.Write);
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOCKER_HOST", previous);
        }

        clock.Stop();
        await using (server)
        {
            output.WriteLine($"{clock.ElapsedMilliseconds} ms: {server.Description}");
            server.Source.ShouldBe(PostgresSource.LocalBinaries);
            log.Lines.ShouldContain(line => line.StartsWith("docker:", StringComparison.Ordinal), "the Docker path should have been probed first");
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
            (await TestSupport.ScalarAsync<int>(server.ConnectionString, "select 1")).ShouldBe(1);
        }
    }
}
