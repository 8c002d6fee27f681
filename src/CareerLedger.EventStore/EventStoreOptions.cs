using System.Text.Json;
using System.Text.Json.Serialization;
using CareerLedger.EventStore.Documents;
using CareerLedger.EventStore.Projections;
using CareerLedger.EventStore.Schema;

namespace CareerLedger.EventStore;

/// <summary>Everything the store needs to know before it starts: schema, event types, documents, projections, JSON and clock.</summary>
public sealed class EventStoreOptions
{
    /// <summary>PostgreSQL schema holding all tables (lower-case identifier). Default <c>ledger</c>.</summary>
    public string Schema { get; set; } = "ledger";

    /// <summary>Event type names.</summary>
    public EventTypeRegistry Events { get; } = new();

    /// <summary>Read-model document types.</summary>
    public DocumentRegistry Documents { get; } = new();

    /// <summary>Inline projections, run in every append transaction that carries one of their event types.</summary>
    public List<IInlineProjection> Projections { get; } = [];

    /// <summary>Extra migrations owned by the host (for example account tables), applied with the store's own.</summary>
    public List<Migration> Migrations { get; } = [];

    /// <summary>JSON used for event data, metadata and documents: camelCase, enums as snake_case strings.</summary>
    public JsonSerializerOptions Json { get; } = CreateJson();

    /// <summary>The clock that stamps events and documents (UTC). Tests substitute a fixed clock.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>The JSON settings used for stored data.</summary>
    public static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        return options;
    }
}
