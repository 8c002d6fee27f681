using System.Diagnostics;
using System.Globalization;
using CareerLedger.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace CareerLedger.Postgres.Provisioning.Tests;

public sealed class ClosedPortConnectionStringTests(ITestOutputHelper output)
{
    [Fact]
    public async Task an_explicit_connection_string_to_a_closed_port_fails_fast_naming_host_and_port_but_not_the_password()
    {
        var port = TestSupport.ClosedPort();
        const string Password = "Sup3rSecretPassw0rdThatMustNotLeak";
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "ledger",
            Password = Password,
            Database = "nowhere",
        }.ConnectionString;
        var log = new ProvisionerLog(output);

        // The provisioner retries refused connections (a server may still be starting) until StartTimeout: keep that short.
        var options = new PostgresProvisioningOptions { ConnectionString = connectionString, StartTimeout = TimeSpan.FromSeconds(3) };
        var clock = Stopwatch.StartNew();
        var ex = await Should.ThrowAsync<InvalidOperationException>(() => PostgresProvisioner.StartAsync(options, log.Write));
        clock.Stop();

        output.WriteLine($"{clock.ElapsedMilliseconds} ms: {ex.Message}");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        ex.Message.ShouldContain($"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        ex.ToString().ShouldNotContain(Password);
        options.ToString().ShouldNotContain(Password);
        log.Lines.ShouldAllBe(line => !line.Contains(Password));
    }
}

[Collection(PostgresCollection.Name)]
public sealed class ExplicitConnectionStringTests(PostgresFixture pg, ITestOutputHelper output)
{
    [Fact]
    public async Task an_explicit_valid_connection_string_is_returned_as_is_and_dispose_leaves_the_server_running()
    {
        var connectionString = await pg.CreateDatabaseAsync("explicit");
        var log = new ProvisionerLog(output);

        var server = await PostgresProvisioner.StartAsync(new PostgresProvisioningOptions { ConnectionString = connectionString }, log.Write);
        output.WriteLine(server.Description);

        server.ConnectionString.ShouldBe(connectionString);
        server.Source.ShouldBe(PostgresSource.ConnectionString);
        server.OwnsServer.ShouldBeFalse();
        server.Description.ShouldNotContain(TestSupport.Password(connectionString));
        server.Description.ShouldContain(TestSupport.Port(connectionString).ToString(CultureInfo.InvariantCulture));

        await server.DisposeAsync();

        (await TestSupport.ScalarAsync<int>(connectionString, "select 1")).ShouldBe(1);
        (await TestSupport.ScalarAsync<int>(pg.ConnectionString, "select 1")).ShouldBe(1);
    }
}
