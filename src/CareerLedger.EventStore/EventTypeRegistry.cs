using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CareerLedger.EventStore;

/// <summary>
/// The explicit map between event CLR types and the stable snake_case names stored in the <c>events.type</c> column.
/// CLR names never reach the database, so classes can be renamed or moved freely. Unknown names and types throw
/// <see cref="UnknownEventTypeException"/>. Upcasters turn an old stored shape into the current one on read.
/// </summary>
public sealed partial class EventTypeRegistry
{
    private readonly Dictionary<string, Type> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _byType = [];
    private readonly Dictionary<string, (string NewName, Func<JsonObject, JsonObject> Transform)> _upcasters = new(StringComparer.Ordinal);

    /// <summary>Registers <typeparamref name="T"/> under <paramref name="name"/> (snake_case, 1-100 chars, e.g. <c>accomplishment_logged</c>).</summary>
    /// <exception cref="ArgumentException">When the name is not snake_case, or the name or type is already registered.</exception>
    public EventTypeRegistry Register<T>(string name) where T : class => Register(typeof(T), name);

    /// <summary>Registers <paramref name="type"/> under <paramref name="name"/>; see <see cref="Register{T}(string)"/>.</summary>
    /// <exception cref="ArgumentException">When the name is not snake_case, or the name or type is already registered.</exception>
    public EventTypeRegistry Register(Type type, string name)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!SnakeCase().IsMatch(name))
        {
            throw new ArgumentException($"Event type name '{name}' must be snake_case (a-z, 0-9, _), starting with a letter.", nameof(name));
        }

        if (_byName.ContainsKey(name) || _upcasters.ContainsKey(name))
        {
            throw new ArgumentException($"Event type name '{name}' is already registered.", nameof(name));
        }

        if (!_byType.TryAdd(type, name))
        {
            throw new ArgumentException($"Type {type.Name} is already registered as '{_byType[type]}'.", nameof(type));
        }

        _byName[name] = type;
        return this;
    }

    /// <summary>
    /// Maps events stored under <paramref name="oldName"/> to the registered type <paramref name="newName"/> by transforming
    /// their JSON on read. Stored rows are never rewritten. Chains are allowed (old → newer → newest).
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="oldName"/> is already a registered name.</exception>
    public EventTypeRegistry Upcast(string oldName, string newName, Func<JsonObject, JsonObject> transform)
    {
        if (_byName.ContainsKey(oldName))
        {
            throw new ArgumentException($"'{oldName}' is a live event type; an upcaster needs a retired name.", nameof(oldName));
        }

        _upcasters[oldName] = (newName, transform);
        return this;
    }

    /// <summary>All registered (current) names.</summary>
    public IReadOnlyCollection<string> Names => _byName.Keys;

    /// <summary>The stored name of <paramref name="type"/>.</summary>
    /// <exception cref="UnknownEventTypeException">When the type is not registered.</exception>
    public string NameOf(Type type) => _byType.TryGetValue(type, out var name)
        ? name
        : throw new UnknownEventTypeException($"Event type {type.FullName} is not registered; register it with a stable snake_case name.");

    /// <summary>Every name events of <paramref name="type"/> may be stored under: its current name plus retired names that upcast to it.</summary>
    /// <exception cref="UnknownEventTypeException">When the type is not registered.</exception>
    public IReadOnlyList<string> StoredNamesOf(Type type)
    {
        var names = new List<string> { NameOf(type) };
        foreach (var old in _upcasters.Keys)
        {
            if (!_byName.ContainsKey(old) && TypeOf(old) == type)
            {
                names.Add(old);
            }
        }

        return names;
    }

    /// <summary>Whether <paramref name="type"/> is registered.</summary>
    public bool IsRegistered(Type type) => _byType.ContainsKey(type);

    /// <summary>The CLR type for a stored name (after following upcasters).</summary>
    /// <exception cref="UnknownEventTypeException">When neither the name nor an upcaster for it is registered.</exception>
    public Type TypeOf(string name)
    {
        var current = name;
        for (var hops = 0; hops < 16; hops++)
        {
            if (_byName.TryGetValue(current, out var type))
            {
                return type;
            }

            if (!_upcasters.TryGetValue(current, out var up))
            {
                break;
            }

            current = up.NewName;
        }

        throw new UnknownEventTypeException($"Stored event type '{name}' is not registered and has no upcaster.");
    }

    /// <summary>Deserializes stored JSON of type <paramref name="name"/>, applying upcasters first.</summary>
    /// <exception cref="UnknownEventTypeException">When the name is unknown.</exception>
    /// <exception cref="JsonException">When the JSON does not fit the type.</exception>
    public object Deserialize(string name, string json, JsonSerializerOptions options)
    {
        var current = name;
        JsonObject? node = null;
        while (!_byName.ContainsKey(current) && _upcasters.TryGetValue(current, out var up))
        {
            node ??= JsonNode.Parse(json)?.AsObject() ?? throw new JsonException($"Event of type '{name}' has null data.");
            node = up.Transform(node);
            current = up.NewName;
        }

        var type = TypeOf(current);
        return (node is null ? JsonSerializer.Deserialize(json, type, options) : node.Deserialize(type, options))
               ?? throw new JsonException($"Event of type '{name}' deserialized to null.");
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,99}$")]
    private static partial Regex SnakeCase();
}
