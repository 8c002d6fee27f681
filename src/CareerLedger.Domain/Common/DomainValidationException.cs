namespace CareerLedger.Domain.Common;

/// <summary>
/// Thrown when a command's input is invalid. <see cref="Errors"/> maps a field path (camelCase JSON path such as
/// <c>impact[0].after</c>) to one or more messages. HTTP hosts turn it into an RFC 7807 validation problem (400).
/// </summary>
public sealed class DomainValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    /// <summary>Field path → messages.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>Thrown when a command is valid in shape but not allowed in the current state (for example revising a retracted item). HTTP: 409.</summary>
public sealed class DomainRuleException(string message) : Exception(message);

/// <summary>Collects field errors while validating a command, then throws them all at once.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>Whether any error was added.</summary>
    public bool Any => _errors.Count > 0;

    /// <summary>Adds <paramref name="message"/> for <paramref name="field"/>.</summary>
    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>Throws <see cref="DomainValidationException"/> when any error was added.</summary>
    /// <exception cref="DomainValidationException">When there are errors.</exception>
    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new DomainValidationException(_errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal));
        }
    }
}
