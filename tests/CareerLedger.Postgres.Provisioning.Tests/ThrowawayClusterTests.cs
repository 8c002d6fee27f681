using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace CareerLedger.Postgres.Provisioning.Tests;

[Collection(LocalClusterTests.Name)]
public sealed partial class ThrowawayClusterTests(ITestOutputHelper output)
{
    [Fact]
    public async Task a_throwaway_cluster_answers_select_version_and_is_gone_with_its_port_closed_after_dispose()
    {
        var log = new ProvisionerLog(output);
        var options = new PostgresProvisioningOptions { DatabaseName = "throwaway_test", FastUnsafe = true };

        var server = await PostgresProvisioner.StartAsync(options, log.Write);
        string dataDirectory;
        int port;
        try
        {
            output.WriteLine(server.Description);
            server.Source.ShouldBe(PostgresSource.LocalBinaries);
            server.OwnsServer.ShouldBeTrue();
            var password = TestSupport.Password(server.ConnectionString);
            password.Length.ShouldBeGreaterThanOrEqualTo(16);
            server.Description.ShouldNotContain(password);
            server.ToString().ShouldNotContain(password);
            log.Lines.ShouldAllBe(line => !line.Contains(password));

            (await TestSupport.ScalarAsync<string>(server.ConnectionString, "select version()")).ShouldStartWith("PostgreSQL ");
            (await TestSupport.ScalarAsync<string>(server.ConnectionString, "select current_database()")).ShouldBe("throwaway_test");

            port = TestSupport.Port(server.ConnectionString);
            server.Description.ShouldContain($"127.0.0.1:{port}/throwaway_test");
            dataDirectory = DataDirectoryOf(server.Description);
            Directory.Exists(dataDirectory).ShouldBeTrue($"the description names data directory {dataDirectory}, which should exist while the server runs");
            File.Exists(Path.Combine(dataDirectory, "PG_VERSION")).ShouldBeTrue();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        var clock = Stopwatch.StartNew();
        await server.DisposeAsync();
        output.WriteLine($"dispose took {clock.ElapsedMilliseconds} ms");

        var clusterRoot = Path.GetDirectoryName(dataDirectory)!;
        Directory.Exists(dataDirectory).ShouldBeFalse();
        Directory.Exists(clusterRoot).ShouldBeFalse();
        Directory.Exists(clusterRoot + ".deleting").ShouldBeFalse();
        (await TestSupport.AcceptsConnectionsAsync(port)).ShouldBeFalse($"port {port} still accepts connections after DisposeAsync");

        await server.DisposeAsync(); // idempotent
    }

    /// <summary>The data directory from a description such as "... (data /tmp/careerledger-pg-x/data, binaries ...)".</summary>
    private static string DataDirectoryOf(string description)
    {
        var match = DataPattern().Match(description);
        match.Success.ShouldBeTrue($"no data directory in the description '{description}'");
        return match.Groups["data"].Value;
    }

    [GeneratedRegex(@"\(data (?<data>/[^,]+),")]
    private static partial Regex DataPattern();
}
