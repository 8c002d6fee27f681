using System.Runtime.Versioning;
using Xunit.Abstractions;

namespace CareerLedger.Postgres.Provisioning.Tests;

/// <summary>
/// Persistent clusters in a scratch folder the postgres OS user can reach (/tmp/cl-prov-tests-&lt;guid&gt;/postgres when root).
/// Every test stops what it started and deletes its folder, also when it fails.
/// </summary>
[Collection(LocalClusterTests.Name)]
[UnsupportedOSPlatform("windows")] // the local-binaries path of the provisioner needs Linux or macOS
public sealed class PersistentClusterTests(ITestOutputHelper output)
{
    [Fact]
    public async Task a_persistent_cluster_keeps_its_data_and_its_password_across_two_starts()
    {
        var folder = TestSupport.NewScratchFolder();
        var data = Path.Combine(folder, "postgres");
        try
        {
            var log = new ProvisionerLog(output);
            var options = Options(data);
            var marker = "marker-" + Guid.NewGuid().ToString("N");

            string firstPassword;
            int firstPort;
            await using (var first = await PostgresProvisioner.StartAsync(options, log.Write))
            {
                output.WriteLine(first.Description);
                first.Source.ShouldBe(PostgresSource.LocalBinaries);
                first.OwnsServer.ShouldBeTrue();
                firstPassword = TestSupport.Password(first.ConnectionString);
                firstPort = TestSupport.Port(first.ConnectionString);
                first.Description.ShouldNotContain(firstPassword);
                first.Description.ShouldContain(data);
                File.Exists(Path.Combine(data, "PG_VERSION")).ShouldBeTrue();
                File.Exists(Path.Combine(folder, "postgres.credentials")).ShouldBeTrue();
                File.GetUnixFileMode(Path.Combine(folder, "postgres.credentials"))
                    .ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);

                await TestSupport.ExecuteAsync(first.ConnectionString, $"create table marker (value text); insert into marker values ('{marker}')");
            }

            File.Exists(Path.Combine(data, "postmaster.pid")).ShouldBeFalse("the first start's DisposeAsync should have stopped the server");
            (await TestSupport.AcceptsConnectionsAsync(firstPort)).ShouldBeFalse();

            await using (var second = await PostgresProvisioner.StartAsync(options, log.Write))
            {
                output.WriteLine(second.Description);
                second.Source.ShouldBe(PostgresSource.LocalBinaries);
                second.OwnsServer.ShouldBeTrue();
                TestSupport.Password(second.ConnectionString).ShouldBe(firstPassword);
                (await TestSupport.ScalarAsync<string>(second.ConnectionString, "select value from marker")).ShouldBe(marker);
            }

            log.Lines.ShouldAllBe(line => !line.Contains(firstPassword));
        }
        finally
        {
            await TestSupport.CleanUpPersistentAsync(folder, data, output);
        }

        Directory.Exists(folder).ShouldBeFalse();
    }

    [Fact]
    public async Task a_second_provisioner_reuses_the_running_persistent_cluster_and_its_dispose_does_not_stop_it()
    {
        var folder = TestSupport.NewScratchFolder();
        var data = Path.Combine(folder, "postgres");
        try
        {
            var log = new ProvisionerLog(output);
            var options = Options(data);

            await using var first = await PostgresProvisioner.StartAsync(options, log.Write);
            first.OwnsServer.ShouldBeTrue();
            await TestSupport.ExecuteAsync(first.ConnectionString, "create table marker (value text); insert into marker values ('from the first')");
            var pid = File.ReadLines(Path.Combine(data, "postmaster.pid")).First();

            await using (var second = await PostgresProvisioner.StartAsync(options, log.Write))
            {
                output.WriteLine(second.Description);
                second.Source.ShouldBe(PostgresSource.LocalBinaries);
                second.OwnsServer.ShouldBeFalse();
                second.Description.ShouldContain("already running");
                second.ConnectionString.ShouldBe(first.ConnectionString);
                (await TestSupport.ScalarAsync<string>(second.ConnectionString, "select value from marker")).ShouldBe("from the first");
            }

            // The second instance's DisposeAsync left the server alone: same postmaster, still answering.
            File.ReadLines(Path.Combine(data, "postmaster.pid")).First().ShouldBe(pid);
            (await TestSupport.ScalarAsync<string>(first.ConnectionString, "select value from marker")).ShouldBe("from the first");

            var port = TestSupport.Port(first.ConnectionString);
            await first.DisposeAsync();
            (await TestSupport.AcceptsConnectionsAsync(port)).ShouldBeFalse("the instance that started the server should stop it");
        }
        finally
        {
            await TestSupport.CleanUpPersistentAsync(folder, data, output);
        }
    }

    private static PostgresProvisioningOptions Options(string dataDirectory) => new()
    {
        DataDirectory = dataDirectory,
        DatabaseName = "persistent_test",
        FastUnsafe = true,
        StartTimeout = TimeSpan.FromSeconds(45),
    };
}
