namespace CareerLedger.Web.Infrastructure;

/// <summary>
/// What the caller believes about a stream's current version when it appends.
/// A stream's version is the number of events in it (1 after the first event); a stream that does not exist has version 0.
/// </summary>
public readonly record struct ExpectedVersion
{
    private ExpectedVersion(long? value) => Value = value;

    /// <summary>The expected current version, or <c>null</c> for <see cref="Any"/>. 0 means "the stream must not exist".</summary>
    public long? Value { get; }

    /// <summary>Append whatever the stream's current version is (no concurrency check).</summary>
    public static ExpectedVersion Any { get; } = new(null);

    /// <summary>The stream must not exist yet: the append starts it.</summary>
    public static ExpectedVersion NoStream { get; } = new(0);

    /// <summary>The stream must be exactly at <paramref name="version"/> when the append commits (0 is the same as <see cref="NoStream"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="version"/> is negative.</exception>
    public static ExpectedVersion Exactly(long version)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        return new(version);
    }

    /// <inheritdoc />
    public override string ToString() => Value switch
    {
        null => "any",
        0 => "no stream",
        var v => v.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
