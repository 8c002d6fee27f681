using CareerLedger.Web.Site;
using System.Globalization;
using System.Text.Json;
using CareerLedger.Domain.Common;
using CareerLedger.Domain.Offers;
using CareerLedger.Domain.Offers.Drafts;
using CareerLedger.Web.Offers;
using Microsoft.AspNetCore.Http;

namespace CareerLedger.Web.Pages.Offers;

/// <summary>
/// The offer form's fields as typed, named by the API's JSON paths (<c>stage</c>, <c>receivedOn</c>, <c>terms.company</c>,
/// <c>terms.baseSalary</c>, <c>terms.signOn[0].amount</c>, <c>terms.equity.vesting.yearPercents</c>…), so the API's validation
/// messages (<see cref="OfferRequestValidation"/>, <see cref="OfferTermsDraft.Validate"/>) land next to the right input and a
/// refused post shows everything as it was typed. Money is in the offer's own currency (<see cref="Currency"/>).
/// </summary>
public sealed class OfferForm
{
    /// <summary>Sign-on payment rows offered on the form (the API takes up to 4).</summary>
    public const int SignOnRows = 2;

    /// <summary>The vesting select's value for a schedule typed field by field.</summary>
    public const string CustomVesting = "custom";

    /// <summary>
    /// A random id made when the empty form is shown and posted back with it: the idempotency key of the record command, so a
    /// form sent twice records one offer. Null on the revise form.
    /// </summary>
    public string? RequestId { get; set; }

    /// <summary>Offer stage: verbal | written.</summary>
    public string Stage { get; set; } = "written";

    /// <summary>The day the offer arrived, yyyy-MM-dd (new offers only; the user's calendar).</summary>
    public string? ReceivedOn { get; set; }

    /// <summary>The day the revised terms arrived, yyyy-MM-dd (revisions only; the user's calendar).</summary>
    public string? RevisedOn { get; set; }

    /// <summary>Why the terms changed (revisions only), e.g. "after counter".</summary>
    public string? Reason { get; set; }

    /// <summary>Company as typed.</summary>
    public string? Company { get; set; }

    /// <summary>Role as typed.</summary>
    public string? Role { get; set; }

    /// <summary>The company's level label ("L5", "Senior II").</summary>
    public string? LevelLabel { get; set; }

    /// <summary>Normalised level rank 1-10, as typed.</summary>
    public string? LevelRank { get; set; }

    /// <summary>City or "remote".</summary>
    public string? Location { get; set; }

    /// <summary>ISO 4217 code of every amount on the offer.</summary>
    public string? Currency { get; set; }

    /// <summary>Annual base salary, as typed.</summary>
    public string? BaseSalary { get; set; }

    /// <summary>Bonus target, percent of base, as typed.</summary>
    public string? BonusTargetPercent { get; set; }

    /// <summary>Sign-on rows as typed (always <see cref="SignOnRows"/> or more).</summary>
    public IReadOnlyList<SignOnRow> SignOn { get; set; } = Enumerable.Range(0, SignOnRows).Select(_ => new SignOnRow()).ToList();

    /// <summary>Equity kind: empty (no grant), rsu or options.</summary>
    public string? EquityKind { get; set; }

    /// <summary>RSUs: value of the whole grant.</summary>
    public string? GrantValue { get; set; }

    /// <summary>Number of RSUs or options.</summary>
    public string? Shares { get; set; }

    /// <summary>RSUs: share price used to value the grant.</summary>
    public string? SharePrice { get; set; }

    /// <summary>Options: strike price per share.</summary>
    public string? StrikePrice { get; set; }

    /// <summary>Options: latest 409A fair market value per common share.</summary>
    public string? FairMarketValue { get; set; }

    /// <summary>Options: price per preferred share in the last round.</summary>
    public string? PreferredPrice { get; set; }

    /// <summary>Options: fully diluted share count.</summary>
    public string? FullyDilutedShares { get; set; }

    /// <summary>Options: iso | nso | empty.</summary>
    public string? OptionType { get; set; }

    /// <summary>Options: days to exercise after leaving.</summary>
    public string? ExerciseWindowDays { get; set; }

    /// <summary>Options: total liquidation preference ahead of common.</summary>
    public string? LiquidationPreference { get; set; }

    /// <summary>The initial grant's vesting schedule.</summary>
    public VestingFields EquityVesting { get; set; } = new() { Preset = "even_4y" };

    /// <summary>Refresher value granted each year from year 2; empty for none.</summary>
    public string? RefresherAnnualValue { get; set; }

    /// <summary>Each refresher's vesting schedule (default: no cliff, quarterly, 25 % a year).</summary>
    public VestingFields RefresherVesting { get; set; } = new() { Preset = CustomVesting, CliffMonths = "0" };

    /// <summary>Retirement match, percent of base.</summary>
    public string? RetirementMatchPercent { get; set; }

    /// <summary>Paid days off per year.</summary>
    public string? PtoDays { get; set; }

    /// <summary>onsite | hybrid | remote | empty.</summary>
    public string? Remote { get; set; }

    /// <summary>Company stage: public | late_private | series_c_plus | series_b | series_a | seed | empty.</summary>
    public string? CompanyStage { get; set; }

    /// <summary>Proposed start date, yyyy-MM-dd.</summary>
    public string? StartDate { get; set; }

    /// <summary>Answer deadline, yyyy-MM-dd (the user's calendar).</summary>
    public string? Deadline { get; set; }

    /// <summary>Notes as typed.</summary>
    public string? Notes { get; set; }

    /// <summary>Reads the posted form.</summary>
    public static OfferForm From(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string? F(string key) => form.TryGetValue(key, out var v) ? v.ToString() : null;
        VestingFields Vesting(string p) => new()
        {
            Preset = F(p) ?? CustomVesting,
            CliffMonths = F($"{p}.cliffMonths"),
            Frequency = F($"{p}.frequency") ?? "quarterly",
            YearPercents = F($"{p}.yearPercents"),
        };
        return new OfferForm
        {
            RequestId = F("requestId") is { Length: > 0 and <= 64 } id ? id : null,
            Stage = F("stage") ?? "written",
            ReceivedOn = F("receivedOn"),
            RevisedOn = F("revisedOn"),
            Reason = F("reason"),
            Company = F("terms.company"),
            Role = F("terms.role"),
            LevelLabel = F("terms.level.label"),
            LevelRank = F("terms.level.rank"),
            Location = F("terms.location"),
            Currency = F("terms.currency"),
            BaseSalary = F("terms.baseSalary"),
            BonusTargetPercent = F("terms.bonusTargetPercent"),
            SignOn = Enumerable.Range(0, SignOnRows)
                .Select(i => new SignOnRow { Amount = F($"terms.signOn[{i}].amount"), PaidAtMonth = F($"terms.signOn[{i}].paidAtMonth"), ClawbackMonths = F($"terms.signOn[{i}].clawbackMonths") })
                .ToList(),
            EquityKind = F("terms.equity.kind"),
            GrantValue = F("terms.equity.grantValue"),
            Shares = F("terms.equity.shares"),
            SharePrice = F("terms.equity.sharePrice"),
            StrikePrice = F("terms.equity.strikePrice"),
            FairMarketValue = F("terms.equity.fairMarketValue"),
            PreferredPrice = F("terms.equity.preferredPrice"),
            FullyDilutedShares = F("terms.equity.fullyDilutedShares"),
            OptionType = F("terms.equity.optionType"),
            ExerciseWindowDays = F("terms.equity.exerciseWindowDays"),
            LiquidationPreference = F("terms.equity.liquidationPreference"),
            EquityVesting = Vesting("terms.equity.vesting"),
            RefresherAnnualValue = F("terms.refresher.annualValue"),
            RefresherVesting = Vesting("terms.refresher.vesting"),
            RetirementMatchPercent = F("terms.retirementMatchPercent"),
            PtoDays = F("terms.ptoDays"),
            Remote = F("terms.remote"),
            CompanyStage = F("terms.stage"),
            StartDate = F("terms.startDate"),
            Deadline = F("terms.deadline"),
            Notes = F("terms.notes"),
        };
    }

    /// <summary>The form of an existing offer's current terms (for revising it), dated <paramref name="today"/>.</summary>
    public static OfferForm From(Offer offer, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var t = offer.Terms;
        var rows = t.SignOn.Select(s => new SignOnRow { Amount = N(s.Amount), PaidAtMonth = N(s.PaidAtMonth), ClawbackMonths = N(s.ClawbackMonths) }).ToList();
        while (rows.Count < SignOnRows)
        {
            rows.Add(new SignOnRow());
        }

        var e = t.Equity;
        return new OfferForm
        {
            Stage = Snake(offer.Stage),
            RevisedOn = Date(today),
            Company = t.Company,
            Role = t.Role,
            LevelLabel = t.Level.Label,
            LevelRank = N(t.Level.Rank),
            Location = t.Location,
            Currency = t.Currency,
            BaseSalary = N(t.BaseSalary),
            BonusTargetPercent = N(t.BonusTargetPercent),
            SignOn = rows,
            EquityKind = e is null ? "" : Snake(e.Kind),
            GrantValue = N(e?.GrantValue),
            Shares = N(e?.Shares),
            SharePrice = N(e?.SharePrice),
            StrikePrice = N(e?.StrikePrice),
            FairMarketValue = N(e?.FairMarketValue),
            PreferredPrice = N(e?.PreferredPrice),
            FullyDilutedShares = N(e?.FullyDilutedShares),
            OptionType = e?.OptionType is { } ot ? Snake(ot) : "",
            ExerciseWindowDays = N(e?.ExerciseWindowDays),
            LiquidationPreference = N(e?.LiquidationPreference),
            EquityVesting = e is null ? new VestingFields { Preset = "even_4y" } : VestingFields.Of(e.Vesting),
            RefresherAnnualValue = N(t.Refresher?.AnnualValue),
            RefresherVesting = t.Refresher is { } r ? VestingFields.Of(r.Vesting) : new VestingFields { Preset = CustomVesting, CliffMonths = "0" },
            RetirementMatchPercent = N(t.RetirementMatchPercent),
            PtoDays = N(t.PtoDays),
            Remote = t.Remote is { } rp ? Snake(rp) : "",
            CompanyStage = t.Stage is { } cs ? Snake(cs) : "",
            StartDate = t.StartDate is { } sd ? Date(sd) : null,
            Deadline = t.Deadline is { } dl ? Date(dl) : null,
            Notes = t.Notes,
        };
    }

    /// <summary>
    /// The new-offer request the API would receive (<c>POST /api/offers</c>). Figures that are not numbers and dates that are
    /// not dates are left out of it and kept as this form's own errors, reported by <see cref="ValidateNew"/> with the API's.
    /// </summary>
    public ReceiveOfferRequest ToReceiveRequest()
    {
        var errors = new ValidationErrors();
        var terms = ToDraft(errors);
        var receivedOn = ParseDate(errors, "receivedOn", ReceivedOn);
        _own = errors;
        return new ReceiveOfferRequest(Text.Clean(Stage), receivedOn, terms);
    }

    /// <summary>The revision request the API would receive (<c>PUT /api/offers/{id}/terms</c>); see <see cref="ToReceiveRequest"/>.</summary>
    public ReviseOfferRequest ToReviseRequest()
    {
        var errors = new ValidationErrors();
        var terms = ToDraft(errors);
        var revisedOn = ParseDate(errors, "revisedOn", RevisedOn);
        _own = errors;
        return new ReviseOfferRequest(revisedOn, terms, Reason, Text.Clean(Stage));
    }

    /// <summary>Validates a new offer as <c>POST /api/offers</c> does, adding the form's own errors, so every problem is reported at once.</summary>
    /// <param name="today">The user's calendar day.</param>
    /// <exception cref="DomainValidationException">Every invalid field, keyed as the API keys them (map with <see cref="FormKey"/>).</exception>
    public (OfferStage Stage, DateOnly ReceivedOn, OfferTerms Terms) ValidateNew(DateOnly today)
    {
        var request = ToReceiveRequest();
        return Merge(() => request.Validate(today));
    }

    /// <summary>Validates a revision as <c>PUT /api/offers/{id}/terms</c> does, adding the form's own errors.</summary>
    /// <param name="receivedOn">The offer's received date (deadline and start date may not be before it).</param>
    /// <param name="today">The user's calendar day.</param>
    /// <exception cref="DomainValidationException">Every invalid field, keyed as the API keys them.</exception>
    public (OfferStage? Stage, DateOnly RevisedOn, OfferTerms Terms) ValidateRevision(DateOnly receivedOn, DateOnly today)
    {
        var request = ToReviseRequest();
        return Merge(() => request.Validate(receivedOn, today));
    }

    /// <summary>
    /// The form key of an API error key: <c>terms.signOn[k]…</c> names the k-th payment sent, which is the row it came from once
    /// empty rows are skipped; a year of a vesting schedule (<c>….yearPercents[2]</c>) belongs to the one year-percents box; a
    /// key the form has no input for goes above the form (<see cref="Site.PageErrors.FormKey"/>) with the field named.
    /// </summary>
    public string FormKey(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        var key = apiKey;
        const string signOn = "terms.signOn[";
        if (key.StartsWith(signOn, StringComparison.Ordinal))
        {
            var close = key.IndexOf(']', StringComparison.Ordinal);
            if (close > signOn.Length
                && int.TryParse(key.AsSpan(signOn.Length, close - signOn.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var k)
                && k < _rowOfPayment.Count)
            {
                key = $"{signOn}{_rowOfPayment[k]}]{key[(close + 1)..]}";
            }
        }

        var bracket = key.IndexOf(".yearPercents[", StringComparison.Ordinal);
        if (bracket >= 0)
        {
            key = key[..(bracket + ".yearPercents".Length)];
        }

        return ShownKeys.Contains(key) ? key : Site.PageErrors.FormKey;
    }

    /// <summary>Every error key the form shows next to an input or group.</summary>
    public static IReadOnlySet<string> ShownKeys { get; } = BuildShownKeys();

    private static HashSet<string> BuildShownKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal)
        {
            "stage", "receivedOn", "revisedOn", "reason", "terms.company", "terms.role", "terms.level", "terms.level.label", "terms.level.rank",
            "terms.location", "terms.currency", "terms.baseSalary", "terms.bonusTargetPercent", "terms.signOn", "terms.equity.kind",
            "terms.equity.grantValue", "terms.equity.shares", "terms.equity.sharePrice", "terms.equity.strikePrice", "terms.equity.fairMarketValue",
            "terms.equity.preferredPrice", "terms.equity.fullyDilutedShares", "terms.equity.optionType", "terms.equity.exerciseWindowDays",
            "terms.equity.liquidationPreference", "terms.refresher.annualValue", "terms.retirementMatchPercent", "terms.ptoDays",
            "terms.remote", "terms.stage", "terms.startDate", "terms.deadline", "terms.notes",
        };
        foreach (var p in new[] { "terms.equity.vesting", "terms.refresher.vesting" })
        {
            keys.UnionWith([p, $"{p}.cliffMonths", $"{p}.frequency", $"{p}.yearPercents"]);
        }

        for (var i = 0; i < SignOnRows; i++)
        {
            keys.UnionWith([$"terms.signOn[{i}]", $"terms.signOn[{i}].amount", $"terms.signOn[{i}].paidAtMonth", $"terms.signOn[{i}].clawbackMonths"]);
        }

        return keys;
    }

    private ValidationErrors? _own;
    private readonly List<int> _rowOfPayment = [];

    private OfferTermsDraft ToDraft(ValidationErrors errors)
    {
        _rowOfPayment.Clear();
        var payments = new List<SignOnPaymentDraft?>();
        for (var i = 0; i < SignOn.Count; i++)
        {
            var row = SignOn[i];
            if (row.IsEmpty)
            {
                continue;
            }

            _rowOfPayment.Add(i);
            var k = payments.Count; // keys as the API's; FormKey maps them back to rows
            payments.Add(new SignOnPaymentDraft(
                Decimal(errors, $"terms.signOn[{k}].amount", row.Amount),
                Whole(errors, $"terms.signOn[{k}].paidAtMonth", row.PaidAtMonth),
                Whole(errors, $"terms.signOn[{k}].clawbackMonths", row.ClawbackMonths)));
        }

        EquityGrantDraft? equity = null;
        var equityTyped = new[] { GrantValue, Shares, SharePrice, StrikePrice, FairMarketValue, PreferredPrice, FullyDilutedShares, OptionType, ExerciseWindowDays, LiquidationPreference }
            .Any(v => !string.IsNullOrWhiteSpace(v));
        if (Text.Clean(EquityKind) is not null || equityTyped)
        {
            equity = new EquityGrantDraft(
                Text.Clean(EquityKind),
                Decimal(errors, "terms.equity.grantValue", GrantValue),
                Decimal(errors, "terms.equity.shares", Shares),
                Decimal(errors, "terms.equity.sharePrice", SharePrice),
                Decimal(errors, "terms.equity.strikePrice", StrikePrice),
                Decimal(errors, "terms.equity.fairMarketValue", FairMarketValue),
                Decimal(errors, "terms.equity.preferredPrice", PreferredPrice),
                Decimal(errors, "terms.equity.fullyDilutedShares", FullyDilutedShares),
                Text.Clean(OptionType),
                Whole(errors, "terms.equity.exerciseWindowDays", ExerciseWindowDays),
                Decimal(errors, "terms.equity.liquidationPreference", LiquidationPreference),
                EquityVesting.ToDraft(errors, "terms.equity.vesting"));
        }

        RefresherGrantDraft? refresher = null;
        if (!string.IsNullOrWhiteSpace(RefresherAnnualValue))
        {
            refresher = new RefresherGrantDraft(
                Decimal(errors, "terms.refresher.annualValue", RefresherAnnualValue),
                RefresherVesting.ToDraft(errors, "terms.refresher.vesting"));
        }

        return new OfferTermsDraft(
            Company,
            Role,
            new OfferLevelDraft(LevelLabel, Whole(errors, "terms.level.rank", LevelRank)),
            Location,
            Currency,
            Decimal(errors, "terms.baseSalary", BaseSalary),
            Decimal(errors, "terms.bonusTargetPercent", BonusTargetPercent),
            payments,
            equity,
            refresher,
            Decimal(errors, "terms.retirementMatchPercent", RetirementMatchPercent),
            Whole(errors, "terms.ptoDays", PtoDays),
            Text.Clean(Remote),
            Text.Clean(CompanyStage),
            ParseDate(errors, "terms.startDate", StartDate),
            ParseDate(errors, "terms.deadline", Deadline),
            Notes);
    }

    /// <summary>Runs the API's validation together with the form's own errors (<see cref="PageErrors.ValidateWith"/>).</summary>
    private T Merge<T>(Func<T> validate) => PageErrors.ValidateWith(_own!, validate);

    internal static decimal? Decimal(ValidationErrors errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = Cleaned(text);
        if (decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(field, $"'{text.Trim()}' is not a number; write the figure alone, digits only (195000 or 195,000; 2.10 for a price).");
        return null;
    }

    internal static int? Whole(ValidationErrors errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(Cleaned(text), NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(field, $"'{text.Trim()}' is not a whole number; write digits only, e.g. 12.");
        return null;
    }

    private static DateOnly? ParseDate(ValidationErrors errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        errors.Add(field, $"'{text}' is not a date; use yyyy-MM-dd.");
        return null;
    }

    private static string Cleaned(string text) =>
        text.Trim().Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace('\u2212', '-');

    internal static string Snake<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? N(decimal? v) => v?.ToString(CultureInfo.InvariantCulture);

    private static string? N(int? v) => v?.ToString(CultureInfo.InvariantCulture);
}
