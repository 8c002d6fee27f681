using System.Globalization;
using System.Text.Json.Nodes;
using CareerLedger.Cli.Infrastructure;

namespace CareerLedger.Cli.Offers;

/// <summary>
/// Client-side parsing of the offer option values whose format the CLI knows: amounts, whole numbers, <c>--sign-on</c>,
/// <c>--vesting</c>, <c>--ask</c> and <c>--rate</c>. A malformed value is a <see cref="CliException"/> (exit 1) naming the option;
/// ranges and sums are left to the server, which names the field (<c>terms.equity.vesting.yearPercents</c>…).
/// </summary>
internal static class OfferValues
{
    public const string VestingSyntax = "a preset (even_4y, 5_15_40_40, 10_20_30_40) or CLIFF:FREQUENCY:PERCENTS such as 12:monthly:25,25,25,25";

    public const string SignOnSyntax = "AMOUNT[@PAID_AT_MONTH][/CLAWBACK_MONTHS], e.g. 30000, 30000@12 or 30000@0/12";

    public static readonly string[] Presets = ["even_4y", "5_15_40_40", "10_20_30_40", "even", "25_25_25_25"];

    public static readonly string[] Frequencies = ["monthly", "quarterly", "semi_annual", "annual"];

    public static readonly string[] AskComponents = ["base", "sign_on", "equity", "level", "bonus", "start_date", "remote", "pto", "other"];

    /// <summary>
    /// An amount: digits with an optional fraction, optional thousands commas or underscores, an optional leading '$' and an
    /// optional k (×1,000) or M (×1,000,000) suffix: 205000, 205,000, 205k, 1.2M, $30k. Null when the text is not one.
    /// </summary>
    public static decimal? TryAmount(string text)
    {
        var s = text.Trim();
        if (s.StartsWith('$'))
        {
            s = s[1..];
        }

        var multiplier = 1m;
        if (s.Length > 1 && s[^1] is 'k' or 'K')
        {
            multiplier = 1_000m;
            s = s[..^1];
        }
        else if (s.Length > 1 && s[^1] is 'm' or 'M')
        {
            multiplier = 1_000_000m;
            s = s[..^1];
        }

        if (s.Length == 0 || !char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[^1])
            || s.Contains(",,", StringComparison.Ordinal) || s.Contains("__", StringComparison.Ordinal))
        {
            return null;
        }

        var plain = s.Replace(",", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        if (!plain.All(c => char.IsAsciiDigit(c) || c == '.')
            || !decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        return value * multiplier;
    }

    /// <summary>An amount for <paramref name="option"/>, or a one-line error naming it.</summary>
    public static decimal Amount(string text, string option) =>
        TryAmount(text) ?? throw CliException.Validation($"{option}: '{text}' is not an amount; use a number such as 205000, 205,000 or 205k");

    /// <summary>A percent (15 or 15%) for <paramref name="option"/>.</summary>
    public static decimal Percent(string text, string option)
    {
        var s = text.Trim().TrimEnd('%').TrimEnd();
        return decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw CliException.Validation($"{option}: '{text}' is not a percent; use a number such as 15 (meaning 15 %)");
    }

    /// <summary>A plain decimal (prices per share, rates) for <paramref name="option"/>.</summary>
    public static decimal Number(string text, string option) =>
        decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw CliException.Validation($"{option}: '{text}' is not a number; use digits with an optional decimal point, such as 2.10");

    /// <summary>A whole number (0 or more) for <paramref name="option"/>.</summary>
    public static int Whole(string text, string option) =>
        int.TryParse(text.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw CliException.Validation($"{option}: '{text}' is not a whole number");

    /// <summary>
    /// <c>AMOUNT[@PAID_AT_MONTH][/CLAWBACK_MONTHS]</c> as a sign-on payment object: <c>30000@12/12</c> is 30,000 paid 12 months after
    /// the start, repayable if you leave within 12 months of being paid.
    /// </summary>
    public static JsonObject SignOn(string text)
    {
        const string option = "--sign-on";
        var s = text.Trim();
        string? claw = null;
        string? at = null;
        var slash = s.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            claw = s[(slash + 1)..].Trim();
            s = s[..slash].Trim();
        }

        var atSign = s.IndexOf('@', StringComparison.Ordinal);
        if (atSign >= 0)
        {
            at = s[(atSign + 1)..].Trim();
            s = s[..atSign].Trim();
        }

        var amount = TryAmount(s)
            ?? throw CliException.Validation($"{option} '{text}': '{s}' is not an amount; use {SignOnSyntax}");
        var payment = new JsonObject { ["amount"] = amount };
        if (at is not null)
        {
            payment["paidAtMonth"] = int.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
                ? month
                : throw CliException.Validation($"{option} '{text}': the month after '@' must be a whole number of months after the start (0 = first pay cycle); use {SignOnSyntax}");
        }

        if (claw is not null)
        {
            payment["clawbackMonths"] = int.TryParse(claw, NumberStyles.None, CultureInfo.InvariantCulture, out var months)
                ? months
                : throw CliException.Validation($"{option} '{text}': the clawback after '/' must be a whole number of months (0 = none); use {SignOnSyntax}");
        }

        return payment;
    }

    /// <summary>
    /// A vesting schedule for <paramref name="option"/>: a preset name (sent as a string) or <c>CLIFF:FREQUENCY:PERCENTS</c>
    /// (sent as <c>{cliffMonths, frequency, yearPercents}</c>).
    /// </summary>
    public static JsonNode Vesting(string text, string option)
    {
        var s = text.Trim();
        if (!s.Contains(':', StringComparison.Ordinal))
        {
            var preset = s.ToLowerInvariant();
            return Presets.Contains(preset)
                ? JsonValue.Create(preset)
                : throw CliException.Validation($"{option}: '{text}' is not a vesting schedule; use {VestingSyntax}");
        }

        var parts = s.Split(':');
        if (parts.Length != 3)
        {
            throw CliException.Validation($"{option}: '{text}' is not a vesting schedule; use {VestingSyntax}");
        }

        if (!int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var cliff))
        {
            throw CliException.Validation($"{option} '{text}': the cliff '{parts[0]}' must be a whole number of months (0 = none, 12 = one year)");
        }

        var frequency = parts[1].Trim().ToLowerInvariant().Replace('-', '_');
        if (frequency == "semiannual")
        {
            frequency = "semi_annual";
        }

        if (!Frequencies.Contains(frequency))
        {
            throw CliException.Validation($"{option} '{text}': '{parts[1]}' is not a vesting frequency; use {string.Join(", ", Frequencies)}");
        }

        var percents = new JsonArray();
        foreach (var p in parts[2].Split(',', StringSplitOptions.TrimEntries))
        {
            percents.Add(decimal.TryParse(p.TrimEnd('%'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
                ? percent
                : throw CliException.Validation($"{option} '{text}': '{p}' is not a percent; give the percent vesting in each year, e.g. 25,25,25,25"));
        }

        return new JsonObject { ["cliffMonths"] = cliff, ["frequency"] = frequency, ["yearPercents"] = percents };
    }

    /// <summary>
    /// <c>COMPONENT</c>, <c>COMPONENT=AMOUNT</c>, <c>COMPONENT=TEXT</c> or <c>COMPONENT=AMOUNT:TEXT</c> as a counter-offer ask
    /// (<c>sign_on=40000</c>, <c>level=6</c>, <c>base=225k:top of the band</c>, <c>remote=fully remote</c>).
    /// </summary>
    public static JsonObject Ask(string text)
    {
        const string option = "--ask";
        var s = text.Trim();
        var equals = s.IndexOf('=', StringComparison.Ordinal);
        var name = (equals < 0 ? s : s[..equals]).Trim().ToLowerInvariant().Replace('-', '_');
        if (name == "signon")
        {
            name = "sign_on";
        }

        if (!AskComponents.Contains(name))
        {
            throw CliException.Validation($"{option} '{text}': '{(equals < 0 ? s : s[..equals]).Trim()}' is not a component; use COMPONENT=VALUE with one of {string.Join(", ", AskComponents)}");
        }

        var ask = new JsonObject { ["component"] = name };
        var value = equals < 0 ? "" : s[(equals + 1)..].Trim();
        if (value.Length == 0)
        {
            return ask;
        }

        if (TryAmount(value) is { } whole)
        {
            ask["amount"] = whole;
            return ask;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && TryAmount(value[..colon]) is { } amount)
        {
            ask["amount"] = amount;
            if (value[(colon + 1)..].Trim() is { Length: > 0 } words)
            {
                ask["text"] = words;
            }

            return ask;
        }

        ask["text"] = value;
        return ask;
    }

    /// <summary>The <c>rates</c> query value from <c>--rate EUR=1.08</c> options (each may also hold several, comma-separated).</summary>
    public static string? Rates(IEnumerable<string>? values)
    {
        const string option = "--rate";
        var parts = new List<string>();
        foreach (var value in values ?? [])
        {
            foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var pieces = part.Split(['=', ':'], 2, StringSplitOptions.TrimEntries);
                if (pieces.Length != 2 || pieces[0].Length != 3 || !pieces[0].All(char.IsAsciiLetter)
                    || !decimal.TryParse(pieces[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) || rate <= 0)
                {
                    throw CliException.Validation($"{option}: '{part}' is not a rate; write CODE=RATE, e.g. EUR=1.08 (units of the comparison currency per 1 EUR)");
                }

                parts.Add($"{pieces[0].ToUpperInvariant()}:{rate.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        return parts.Count == 0 ? null : string.Join(',', parts);
    }

    /// <summary>A 3-letter currency code, upper-cased, for <paramref name="option"/>.</summary>
    public static string? Currency(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        var code = text.Trim().ToUpperInvariant();
        return code.Length == 3 && code.All(char.IsAsciiLetterUpper)
            ? code
            : throw CliException.Validation($"{option}: '{text}' is not a currency code; use 3 letters such as USD, EUR or GBP");
    }

    /// <summary>Money for people: "205,000" (invariant, at most 2 decimals).</summary>
    public static string Show(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
