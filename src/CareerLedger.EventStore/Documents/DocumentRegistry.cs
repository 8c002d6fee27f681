using CareerLedger.EventStore.Schema;

namespace CareerLedger.EventStore.Documents;

/// <summary>
/// Read-model document types and their tables. Each type <c>T</c> registered as <c>name</c> lives in its own table
/// <c>doc_name(tenant_id, id, data jsonb, version, last_modified)</c>, created by migration at start-up.
/// </summary>
public sealed class DocumentRegistry
{
    private readonly Dictionary<Type, string> _tables = [];

    /// <summary>Registers <typeparamref name="T"/> as document type <paramref name="name"/> (snake_case).</summary>
    /// <exception cref="ArgumentException">When the name is invalid or either side is already registered.</exception>
    public DocumentRegistry Register<T>(string name) where T : class
    {
        var table = "doc_" + name;
        SqlNames.Quote(table);
        if (_tables.ContainsValue(table))
        {
            throw new ArgumentException($"Document name '{name}' is already registered.", nameof(name));
        }

        if (!_tables.TryAdd(typeof(T), table))
        {
            throw new ArgumentException($"Document type {typeof(T).Name} is already registered.", nameof(name));
        }

        return this;
    }

    /// <summary>The table of <paramref name="type"/> (unquoted).</summary>
    /// <exception cref="InvalidOperationException">When the type is not registered.</exception>
    public string TableOf(Type type) => _tables.TryGetValue(type, out var t)
        ? t
        : throw new InvalidOperationException($"Document type {type.Name} is not registered.");

    internal IEnumerable<Migration> Migrations() => _tables.Values.Select(table => new Migration(
        "doc_0001_" + table,
        $$"""
        create table {schema}.{{SqlNames.Quote(table)}}(
            tenant_id text not null,
            id text not null,
            data jsonb not null,
            version bigint not null,
            last_modified timestamptz not null,
            primary key (tenant_id, id));
        """));
}
