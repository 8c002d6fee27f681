using System.Text.RegularExpressions;
using CareerLedger.Testing;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Model;
using Microsoft.Extensions.DependencyInjection;

namespace CareerLedger.Web.Tests;

/// <summary>
/// The app loads Wolverine's handler code pre-generated (TypeLoadMode.Static), so the checked-in files must be exactly what the
/// handlers generate today; after changing a handler's signature, run <c>dotnet run --project src/CareerLedger.Web -- codegen write</c>.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class GeneratedCodeTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>
{
    [Fact]
    public void the_checked_in_handler_code_is_what_the_handlers_generate_today()
    {
        var services = app.Services;
        var collections = services.GetServices<ICodeFileCollection>().ToArray();
        var generated = Normalise(new DynamicCodeBuilder(services, collections) { ServiceVariableSource = services.GetService<IServiceVariableSource>() }
            .GenerateAllCode());

        var folder = Path.Combine(RepositoryRoot(), "src", "CareerLedger.Web", "Internal", "Generated", "WolverineHandlers");
        var onDisk = Directory.GetFiles(folder, "*Handler*.cs")
            .Where(f => Path.GetFileName(f) != "GeneratedHandlerRegistry.cs")
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => Normalise(File.ReadAllText(f)));
        var expected = HandlerType().Matches(generated).Select(m => m.Groups[1].Value).ToHashSet();

        expected.Count.ShouldBeGreaterThanOrEqualTo(20, "every write use case is a Wolverine handler");
        onDisk.Keys.Order().ShouldBe(expected.Order(), "one checked-in file per generated handler type; run `codegen write` after adding or removing one");
        foreach (var (name, code) in onDisk)
        {
            generated.Contains(Body(code), StringComparison.Ordinal).ShouldBeTrue($"{name}.cs is stale: run `codegen write`");
        }
    }

    private static string Body(string file) => file[file.IndexOf("// START:", StringComparison.Ordinal)..file.IndexOf("// END:", StringComparison.Ordinal)];

    private static string Normalise(string code) => code.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CareerLedger.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("CareerLedger.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"// START: (\w+Handler\d+)")]
    private static partial Regex HandlerType();
}
