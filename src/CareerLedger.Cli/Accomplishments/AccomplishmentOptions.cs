using System.CommandLine;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Accomplishments;

/// <summary>The body of POST and PUT /api/accomplishments (null fields are left out).</summary>
internal sealed record AccomplishmentBody(
    string? Title, string? OccurredOn, string? Description, string? Project, string? Scope, string? Involvement,
    IReadOnlyList<ImpactInput>? Impact, IReadOnlyList<string>? Competencies, string? Learnings, IReadOnlyList<string>? Links,
    string? Reason = null);

/// <summary>The content options shared by <c>ledger win</c> and <c>ledger revise</c>.</summary>
internal sealed class AccomplishmentOptions
{
    public static readonly string[] Scopes = ["individual", "team", "multi_team", "org", "company"];
    public static readonly string[] Involvements = ["contributed", "led", "drove"];

    public Option<string> Date { get; } = new("--date") { Description = "The day it happened (yyyy-MM-dd); default: today in your time zone", HelpName = "yyyy-MM-dd" };

    public Option<string> Project { get; } = new("--project") { Description = "Project or product area (groups the brag document)", HelpName = "P" };

    public Option<string> Scope { get; } = new("--scope") { Description = "How far the effect reached (default individual)" };

    public Option<string> Involvement { get; } = new("--involvement") { Description = "Your part (default contributed)" };

    public Option<string[]> Impact { get; } = new("--impact")
    {
        Description = "A measured result, repeatable: " + ImpactParser.Syntax,
        HelpName = "NAME:BEFORE->AFTER",
    };

    public Option<string[]> Tags { get; } = new("--tag", "--competency")
    {
        Description = "A competency it shows (e.g. ownership, reliability, conflict_resolution), repeatable",
        HelpName = "COMPETENCY",
    };

    public Option<string> Learned { get; } = new("--learned") { Description = "What you learned or the mechanism you left behind", HelpName = "TEXT" };

    public Option<string> Description { get; } = new("--description") { Description = "More detail", HelpName = "TEXT" };

    public Option<string[]> Links { get; } = new("--link") { Description = "An http(s) link (PR, doc, dashboard), repeatable", HelpName = "URL" };

    public AccomplishmentOptions()
    {
        Scope.AcceptOnlyFromAmong(Scopes);
        Involvement.AcceptOnlyFromAmong(Involvements);
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Date);
        command.Options.Add(Project);
        command.Options.Add(Scope);
        command.Options.Add(Involvement);
        command.Options.Add(Impact);
        command.Options.Add(Tags);
        command.Options.Add(Learned);
        command.Options.Add(Description);
        command.Options.Add(Links);
    }

    /// <summary>The fields given on the command line (null = not given), with dates and metrics checked.</summary>
    public AccomplishmentBody Read(ParseResult parse, string? title) => new(
        title,
        OptionValues.Date(Given(parse, Date), "--date"),
        Given(parse, Description),
        Given(parse, Project),
        Given(parse, Scope),
        Given(parse, Involvement),
        Given(parse, Impact) is { } impacts ? ParseImpacts(impacts) : null,
        Given(parse, Tags),
        Given(parse, Learned),
        Given(parse, Links));

    /// <summary>Overlays the given fields on an existing accomplishment (the rest is kept).</summary>
    public AccomplishmentBody Merge(ParseResult parse, string? title, AccomplishmentDto current, string? reason)
    {
        var given = Read(parse, title);
        return new AccomplishmentBody(
            given.Title ?? current.Title,
            given.OccurredOn ?? current.OccurredOn,
            given.Description ?? current.Description,
            given.Project ?? current.Project,
            given.Scope ?? current.Scope,
            given.Involvement ?? current.Involvement,
            given.Impact ?? current.Impact.Select(m => new ImpactInput(m.Name, m.Before, m.After, m.Unit, m.LowerIsBetter)).ToList(),
            given.Competencies ?? current.Competencies,
            given.Learnings ?? current.Learnings,
            given.Links ?? current.Links,
            reason);
    }

    public static IReadOnlyList<ImpactInput> ParseImpacts(IEnumerable<string> values)
    {
        try
        {
            return values.Select(ImpactParser.Parse).ToList();
        }
        catch (FormatException ex)
        {
            throw CliException.Validation(ex.Message);
        }
    }

    private static T? Given<T>(ParseResult parse, Option<T> option) where T : class =>
        parse.GetResult(option) is null ? null : parse.GetValue(option);
}
