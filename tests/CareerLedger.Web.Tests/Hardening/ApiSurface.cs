using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CareerLedger.Web.Tests.Hardening;

/// <summary>One route and method the running app serves, read from its endpoint table (<see cref="EndpointDataSource"/>).</summary>
/// <param name="Method">GET, POST, PUT, DELETE or PATCH.</param>
/// <param name="Route">The route with constraints removed and no trailing slash, as the OpenAPI document spells it: <c>/api/offers/{id}/terms</c>.</param>
/// <param name="RouteParameters">The names of the route's parameters (<c>id</c>, <c>token</c>).</param>
/// <param name="TakesBody">Whether the endpoint reads a JSON body (it declares accepted content types).</param>
/// <param name="BodyOptional">Whether that body may be left out.</param>
/// <param name="Anonymous">Whether the endpoint needs no token.</param>
/// <param name="InDescription">Whether the endpoint is in the OpenAPI document (not excluded from the description).</param>
public sealed record ApiEndpoint(
    string Method, string Route, IReadOnlyList<string> RouteParameters, bool TakesBody, bool BodyOptional, bool Anonymous, bool InDescription)
{
    /// <summary>"METHOD /route", the key of every table in these suites.</summary>
    public string Key => $"{Method} {Route}";

    /// <inheritdoc />
    public override string ToString() => Key;
}

/// <summary>A query parameter an endpoint declares in the OpenAPI document.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Type">Its declared schema type (<c>string</c>, <c>boolean</c>…).</param>
public sealed record QueryParameter(string Name, string? Type);

/// <summary>
/// The app's own description of its HTTP surface: the endpoint table of the running host, and the OpenAPI document it serves
/// (request body schemas, query parameters). Every suite derives its cases from here, so a new endpoint is covered (or makes a
/// table-driven test fail until it has a row) without anyone remembering to add it.
/// </summary>
public sealed partial class ApiSurface
{
    private ApiSurface(IReadOnlyList<ApiEndpoint> endpoints, JsonObject openApi)
    {
        Endpoints = endpoints;
        OpenApi = openApi;
    }

    /// <summary>Every endpoint of the running app.</summary>
    public IReadOnlyList<ApiEndpoint> Endpoints { get; }

    /// <summary>The OpenAPI document (<c>/openapi/v1.json</c>).</summary>
    public JsonObject OpenApi { get; }

    /// <summary>Reads the endpoint table from the host's services and fetches the OpenAPI document.</summary>
    public static async Task<ApiSurface> LoadAsync(HardeningHost host)
    {
        // The API's endpoints: not the web site's pages (cookie sign-in, tested by SitePagesSecurityTests) nor the API explorer's.
        var sources = host.App.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is null)
            .Where(e => e.RoutePattern.RawText?.StartsWith("/scalar", StringComparison.OrdinalIgnoreCase) != true);
        var endpoints = new List<ApiEndpoint>();
        foreach (var e in sources)
        {
            var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var accepts = e.Metadata.GetMetadata<IAcceptsMetadata>();
            var anonymous = e.Metadata.GetMetadata<IAllowAnonymous>() is not null || e.Metadata.GetMetadata<IAuthorizeData>() is null;
            // Route handlers (minimal APIs) are what the OpenAPI document describes; health checks and the document itself are not.
            var described = e.Metadata.GetMetadata<System.Reflection.MethodInfo>() is not null
                && e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true };
            foreach (var method in methods)
            {
                endpoints.Add(new ApiEndpoint(
                    method, Normalise(e.RoutePattern.RawText ?? "/"), e.RoutePattern.Parameters.Select(p => p.Name).ToList(),
                    accepts is not null, accepts?.IsOptional ?? false, anonymous, described));
            }
        }

        using var http = host.Anonymous();
        host.CountRequest();
        var doc = (JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json")) as JsonObject)!;
        return new ApiSurface(endpoints.DistinctBy(e => e.Key).OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal).ToList(), doc);
    }

    /// <summary>The operation object of <paramref name="endpoint"/> in the OpenAPI document, or null when it is not described.</summary>
    public JsonObject? Operation(ApiEndpoint endpoint) =>
        OpenApi["paths"]?[endpoint.Route]?[endpoint.Method.ToLowerInvariant()] as JsonObject;

    /// <summary>The JSON schema of the endpoint's request body (references resolved lazily by <see cref="Resolve"/>), or null.</summary>
    public JsonNode? BodySchema(ApiEndpoint endpoint) => Operation(endpoint)?["requestBody"]?["content"]?["application/json"]?["schema"];

    /// <summary>The query parameters the OpenAPI document declares for <paramref name="endpoint"/>.</summary>
    public IReadOnlyList<QueryParameter> QueryParameters(ApiEndpoint endpoint) =>
        (Operation(endpoint)?["parameters"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(p => (string?)p["in"] == "query")
            .Select(p => new QueryParameter((string)p["name"]!, (string?)p["schema"]?["type"]))
            .ToList();

    /// <summary>Whether the endpoint declares the <c>Idempotency-Key</c> header.</summary>
    public bool TakesIdempotencyKey(ApiEndpoint endpoint) =>
        (Operation(endpoint)?["parameters"] as JsonArray ?? []).OfType<JsonObject>()
            .Any(p => (string?)p["in"] == "header" && (string?)p["name"] == "Idempotency-Key");

    /// <summary>
    /// Follows <c>$ref</c> and picks the non-null alternative of a <c>oneOf</c>, so callers see the object, array or scalar
    /// schema itself.
    /// </summary>
    public JsonObject? Resolve(JsonNode? schema)
    {
        for (var i = 0; i < 10 && schema is JsonObject s; i++)
        {
            if (s["$ref"] is JsonValue reference)
            {
                schema = OpenApi["components"]!["schemas"]![((string)reference!).Split('/')[^1]];
                continue;
            }

            if (s["oneOf"] is JsonArray alternatives)
            {
                schema = alternatives.OfType<JsonObject>().FirstOrDefault(a => SchemaType(a) != "null") ?? s;
                if (ReferenceEquals(schema, s))
                {
                    return s;
                }

                continue;
            }

            return s;
        }

        return schema as JsonObject;
    }

    /// <summary>The schema's type without <c>null</c> (<c>["null","string"]</c> is <c>string</c>); <c>object</c> for a schema with properties.</summary>
    public static string? SchemaType(JsonObject? schema)
    {
        if (schema is null)
        {
            return null;
        }

        var type = schema["type"] switch
        {
            JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null") ?? "null",
            JsonValue single => (string?)single,
            _ => null,
        };
        return type ?? (schema["properties"] is not null ? "object" : schema["enum"] is not null ? "string" : null);
    }

    /// <summary>
    /// Every property path the body schema names, depth first: <c>terms</c>, <c>terms.level</c>, <c>terms.level.rank</c>,
    /// <c>terms.signOn[0].amount</c>… (array items as <c>[0]</c>).
    /// </summary>
    public IReadOnlyList<string> SchemaPaths(JsonNode? schema)
    {
        var paths = new List<string>();
        void Walk(JsonNode? node, string path, int depth)
        {
            var s = Resolve(node);
            if (s is null || depth > 12)
            {
                return;
            }

            switch (SchemaType(s))
            {
                case "object":
                    foreach (var (name, child) in s["properties"] as JsonObject ?? [])
                    {
                        var p = path.Length == 0 ? name : $"{path}.{name}";
                        paths.Add(p);
                        Walk(child, p, depth + 1);
                    }

                    break;
                case "array":
                    Walk(s["items"], path + "[0]", depth + 1);
                    break;
            }
        }

        Walk(schema, "", 0);
        return paths;
    }

    /// <summary>The schema of one property path of a body (see <see cref="SchemaPaths"/>), or null when the schema does not say.</summary>
    public JsonObject? SchemaAt(JsonNode? bodySchema, IReadOnlyList<object> path)
    {
        var s = Resolve(bodySchema);
        foreach (var segment in path)
        {
            s = segment switch
            {
                string name when SchemaType(s) == "object" => Resolve(s!["properties"]?[name]),
                int when SchemaType(s) == "array" => Resolve(s!["items"]),
                _ => null,
            };
            if (s is null)
            {
                return null;
            }
        }

        return s;
    }

    private static string Normalise(string raw)
    {
        var route = ConstraintPattern().Replace(raw, "}");
        route = "/" + route.Trim('/');
        return route;
    }

    [GeneratedRegex(@":[^}]+\}")]
    private static partial Regex ConstraintPattern();
}
