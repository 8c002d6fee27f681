using Xunit.Abstractions;

namespace CareerLedger.Postgres.Provisioning.Tests;

/// <summary>
/// As root, the server runs as the postgres OS user, which cannot enter /root (mode 0700). These checks only mean something
/// when the tests run as root; otherwise the tests return early.
/// </summary>
public sealed class UnreachableDataDirectoryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task a_data_directory_under_a_folder_the_postgres_user_cannot_enter_throws_a_clear_error_and_creates_nothing()
    {
        if (!TestSupport.IsRoot || !Directory.Exists("/root"))
        {
            return;
        }

        var parent = Path.Combine("/root", "cl-prov-tests-" + Guid.NewGuid().ToString("N"));
        var data = Path.Combine(parent, "postgres");
        try
        {
            var ex = await Should.ThrowAsync<InvalidOperationException>(() => PostgresProvisioner.StartAsync(
                new PostgresProvisioningOptions { DataDirectory = data }, new ProvisionerLog(output).Write));

            output.WriteLine(ex.Message);
            ex.Message.ShouldContain(data);
            ex.Message.ShouldContain("not reachable");
            ex.Message.ShouldContain("'postgres' OS user");
            Directory.Exists(parent).ShouldBeFalse("nothing may be created for a data directory that can never work");
        }
        finally
        {
            if (Directory.Exists(parent))
            {
                Directory.Delete(parent, recursive: true);
            }
        }
    }

    [Fact]
    public async Task a_data_directory_in_an_existing_folder_the_postgres_user_cannot_enter_throws_and_creates_nothing_in_it()
    {
        if (!TestSupport.IsRoot || !Directory.Exists("/root"))
        {
            return;
        }

        var parent = Path.Combine("/root", "cl-prov-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(parent);
        var data = Path.Combine(parent, "postgres");
        try
        {
            var ex = await Should.ThrowAsync<InvalidOperationException>(() => PostgresProvisioner.StartAsync(
                new PostgresProvisioningOptions { DataDirectory = data }, new ProvisionerLog(output).Write));

            output.WriteLine(ex.Message);
            ex.Message.ShouldContain(data);
            ex.Message.ShouldContain("not reachable");
            Directory.EnumerateFileSystemEntries(parent).ShouldBeEmpty("no data directory, lock, credentials or port file may be created");
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }
}
