using System.Globalization;
using CareerLedger.Domain.Common;
using CareerLedger.Domain.Offers;

namespace CareerLedger.Web.Offers;

/// <summary>Parses the comparison currency and user-supplied exchange rates from the query string.</summary>
public static class RatesParsing
{
    /// <summary>
    /// Parses <paramref name="currency"/> (ISO code; default: the currency most of <paramref name="offers"/> use, else USD) and
    /// <paramref name="rates"/> ("EUR:1.08,GBP:1.27": units of the comparison currency per unit of each).
    /// </summary>
    /// <exception cref="DomainValidationException">Naming <c>currency</c> or <c>rates</c>.</exception>
    public static ExchangeRates Parse(string? currency, string? rates, IEnumerable<Offer> offers)
    {
        var errors = new ValidationErrors();
        var baseCurrency = Text.Clean(currency)?.ToUpperInvariant()
            ?? offers.GroupBy(o => o.Terms.Currency).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault()
            ?? "USD";
        if (baseCurrency.Length != 3 || !baseCurrency.All(char.IsAsciiLetterUpper))
        {
            errors.Add("currency", $"'{currency}' is not a 3-letter currency code such as USD or EUR.");
        }

        var map = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var part in (rates ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split([':', '='], 2);
            if (pieces.Length != 2 || pieces[0].Trim().Length != 3
                || !decimal.TryParse(pieces[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var rate) || rate <= 0)
            {
                errors.Add("rates", $"'{part}' is not a rate; write CODE:RATE, e.g. {(baseCurrency == "EUR" ? "USD:0.92" : "EUR:1.08")} (units of {baseCurrency} per 1 unit of CODE).");
                continue;
            }

            if (rate is < Bounds.MinExchangeRate or > Bounds.MaxExchangeRate)
            {
                errors.Add("rates", $"The rate in '{part}' is outside {Bounds.MinExchangeRate.ToString(CultureInfo.InvariantCulture)} to {Text.Number(Bounds.MaxExchangeRate)}; check which way round it is (units of {baseCurrency} per 1 unit of the other currency).");
                continue;
            }

            map[pieces[0].Trim().ToUpperInvariant()] = rate;
        }

        errors.ThrowIfAny();
        return new ExchangeRates(baseCurrency, map);
    }
}
