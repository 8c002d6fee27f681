using System.Text.RegularExpressions;

namespace CareerLedger.EventStore.Schema;

/// <summary>Validation and quoting of identifiers that are spliced into SQL (schema and document table names).</summary>
public static partial class SqlNames
{
    /// <summary>Quotes a lower-case identifier ([a-z_][a-z0-9_]*, at most 63 chars).</summary>
    /// <exception cref="ArgumentException">When the name has other characters, so it can never inject SQL.</exception>
    public static string Quote(string name)
    {
        if (!Identifier().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a valid identifier: use a-z, 0-9 and _, start with a letter or _, at most 63 characters.", nameof(name));
        }

        return "\"" + name + "\"";
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex Identifier();
}
