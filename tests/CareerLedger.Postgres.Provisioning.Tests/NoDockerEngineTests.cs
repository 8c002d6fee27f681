using CareerLedger.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace CareerLedger.Postgres.Provisioning.Tests;

/// <summary>The fixture without a Docker engine: it falls back to a local throwaway cluster (the path CI always takes).</summary>
[Collection(LocalClusterTests.Name)]
public sealed class NoDockerEngineTests(ITestOutputHelper output)
{
    [Fact]
    public async Task without_a_docker_engine_the_fixture_starts_a_local_throwaway_cluster_with_fsync_off_and_reports_it()
    {
        var log = new ProvisionerLog(output);
        var asked = 0;
        await using var server = await SharedPostgres.StartAsync(
            connectionString: null,
            () =>
            {
                Interlocked.Increment(ref asked);
                return Task.FromResult<Uri?>(null);
            },
            log.Write);
        output.WriteLine(server.Description);

        asked.ShouldBe(1);
        server.Source.ShouldBe(TestPostgresSource.LocalCluster);
        server.OwnsServer.ShouldBeTrue();
        server.Description.ShouldContain("throwaway cluster");
        server.Description.ShouldContain("fsync off");
        server.ToString().ShouldNotContain(TestSupport.Password(server.ConnectionString));
        (await TestSupport.ScalarAsync<string>(server.ConnectionString, "select current_database()")).ShouldBe(SharedPostgres.DatabaseName);
        (await TestSupport.ScalarAsync<string>(server.ConnectionString, "show fsync")).ShouldBe("off");
    }

    [Fact]
    public async Task a_cluster_the_provisioner_starts_hands_out_pooled_connections_without_a_reset_in_between()
    {
        await using var server = await SharedPostgres.StartAsync(null, () => Task.FromResult<Uri?>(null), new ProvisionerLog(output).Write);
        new NpgsqlConnectionStringBuilder(server.ConnectionString).NoResetOnClose.ShouldBeTrue();

        // One pooled connection, used twice: a setting made in the first use is still there in the second, so no DISCARD ALL ran.
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(server.ConnectionString) { MaxPoolSize = 1 }.ConnectionString);
        await using (var first = await dataSource.OpenConnectionAsync())
        {
            await using var set = new NpgsqlCommand("set work_mem = '7MB'", first);
            await set.ExecuteNonQueryAsync();
        }

        await using var second = await dataSource.OpenConnectionAsync();
        await using var show = new NpgsqlCommand("show work_mem", second);
        (await show.ExecuteScalarAsync()).ShouldBe("7MB");
    }
}
