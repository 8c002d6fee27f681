using System.Text.Json;

namespace CareerLedger.Domain.Questions;

/// <summary>Stored names and human labels of <see cref="CompanyLens"/> and <see cref="AmazonPrinciple"/>.</summary>
public static class LensCatalog
{
    private static readonly Dictionary<AmazonPrinciple, string> PrincipleLabels = new()
    {
        [AmazonPrinciple.CustomerObsession] = "Customer Obsession",
        [AmazonPrinciple.Ownership] = "Ownership",
        [AmazonPrinciple.InventAndSimplify] = "Invent and Simplify",
        [AmazonPrinciple.AreRightALot] = "Are Right, A Lot",
        [AmazonPrinciple.LearnAndBeCurious] = "Learn and Be Curious",
        [AmazonPrinciple.HireAndDevelopTheBest] = "Hire and Develop the Best",
        [AmazonPrinciple.InsistOnTheHighestStandards] = "Insist on the Highest Standards",
        [AmazonPrinciple.ThinkBig] = "Think Big",
        [AmazonPrinciple.BiasForAction] = "Bias for Action",
        [AmazonPrinciple.Frugality] = "Frugality",
        [AmazonPrinciple.EarnTrust] = "Earn Trust",
        [AmazonPrinciple.DiveDeep] = "Dive Deep",
        [AmazonPrinciple.HaveBackboneDisagreeAndCommit] = "Have Backbone; Disagree and Commit",
        [AmazonPrinciple.DeliverResults] = "Deliver Results",
        [AmazonPrinciple.StriveToBeEarthsBestEmployer] = "Strive to be Earth's Best Employer",
        [AmazonPrinciple.SuccessAndScaleBringBroadResponsibility] = "Success and Scale Bring Broad Responsibility",
    };

    private static readonly Dictionary<string, CompanyLens> LensByName =
        Enum.GetValues<CompanyLens>().ToDictionary(NameOf, l => l, StringComparer.Ordinal);

    private static readonly Dictionary<string, AmazonPrinciple> PrincipleByName =
        Enum.GetValues<AmazonPrinciple>().ToDictionary(NameOf, p => p, StringComparer.Ordinal);

    /// <summary>Every company lens, in catalogue order.</summary>
    public static IReadOnlyList<CompanyLens> Lenses { get; } = Enum.GetValues<CompanyLens>();

    /// <summary>The sixteen Amazon Leadership Principles, in catalogue order.</summary>
    public static IReadOnlyList<AmazonPrinciple> AmazonPrinciples { get; } = Enum.GetValues<AmazonPrinciple>();

    /// <summary>The stored name, e.g. <c>stripe</c>.</summary>
    public static string NameOf(CompanyLens lens) => JsonNamingPolicy.SnakeCaseLower.ConvertName(lens.ToString());

    /// <summary>The stored name, e.g. <c>have_backbone_disagree_and_commit</c>.</summary>
    public static string NameOf(AmazonPrinciple principle) => JsonNamingPolicy.SnakeCaseLower.ConvertName(principle.ToString());

    /// <summary>A human label, e.g. "Stripe".</summary>
    public static string LabelOf(CompanyLens lens) => lens.ToString();

    /// <summary>The principle as Amazon writes it, e.g. "Have Backbone; Disagree and Commit".</summary>
    public static string LabelOf(AmazonPrinciple principle) => PrincipleLabels[principle];

    /// <summary>Parses a stored lens name (case-insensitive, '-' or ' ' accepted for '_').</summary>
    public static bool TryParse(string? name, out CompanyLens lens) => LensByName.TryGetValue(Key(name), out lens);

    /// <summary>Parses a stored principle name (case-insensitive, '-' or ' ' accepted for '_').</summary>
    public static bool TryParse(string? name, out AmazonPrinciple principle) => PrincipleByName.TryGetValue(Key(name), out principle);

    private static string Key(string? name) => (name ?? "").Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
}
