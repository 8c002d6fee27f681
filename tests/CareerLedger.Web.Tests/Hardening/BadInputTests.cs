using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using CareerLedger.Testing;
using Xunit.Abstractions;

namespace CareerLedger.Web.Tests.Hardening;

/// <summary>The bad-input suite's host: the app, its endpoint table and OpenAPI document, and one seeded user.</summary>
public sealed class BadInputHost : HardeningHost
{
    /// <summary>The app's HTTP surface.</summary>
    public ApiSurface Api { get; private set; } = null!;

    /// <summary>The user every request is sent as.</summary>
    public LedgerUser User { get; private set; } = null!;

    /// <inheritdoc />
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Api = await ApiSurface.LoadAsync(this);
        User = await LedgerUser.CreateAsync(this);
    }
}

/// <summary>
/// Bad input on every endpoint, generated from the app's own endpoint table and OpenAPI document: one hostile value at a time in
/// every field of a valid body, broken and oversized bodies, other content types, garbage headers and tokens, and malformed or
/// out-of-range query values. Every answer must be a 4xx problem that wrote nothing (or, where the input is legitimately fine,
/// a 2xx), never a 5xx; NUL characters, over-long text, extreme numbers, out-of-range dates and nulls inside arrays must be a
/// 400 naming the field. Each test prints how many cases and requests it sent.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BadInputTests(BadInputHost host, ITestOutputHelper output) : IClassFixture<BadInputHost>
{
    private IEnumerable<ApiEndpoint> BodyEndpoints => host.Api.Endpoints.Where(e => e.TakesBody);

    [Fact]
    public void every_endpoint_that_takes_a_body_has_a_valid_request_naming_every_field_of_its_schema()
    {
        var problems = new List<string>();
        foreach (var endpoint in host.Api.Endpoints.Where(e => e.InDescription && e.Route != "/"))
        {
            if (host.Api.Operation(endpoint) is null)
            {
                problems.Add($"{endpoint} is in the endpoint table but not in /openapi/v1.json");
            }
        }

        foreach (var (path, operations) in host.Api.OpenApi["paths"]!.AsObject())
        {
            foreach (var (method, _) in operations!.AsObject())
            {
                if (!host.Api.Endpoints.Any(e => e.Route == path && e.Method.Equals(method, StringComparison.OrdinalIgnoreCase)))
                {
                    problems.Add($"{method.ToUpperInvariant()} {path} is in /openapi/v1.json but not in the endpoint table");
                }
            }
        }

        foreach (var endpoint in BodyEndpoints)
        {
            if (ValidRequests.For(endpoint.Key) is not { } row)
            {
                problems.Add($"{endpoint} takes a body but ValidRequests has no row for it: add one valid request with every field");
                continue;
            }

            var schema = host.Api.BodySchema(endpoint);
            if (schema is null)
            {
                problems.Add($"{endpoint} takes a body but the OpenAPI document gives no application/json schema for it");
                continue;
            }

            var body = row.Body(host.User, new Resource(Guid.NewGuid().ToString(), 1, "q-001-tell-me-about-yourself"));
            var present = BadRequests.Fields(host.Api, schema, body).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var path in host.Api.SchemaPaths(schema).Where(p => !present.Contains(p) && !Excused(row, p)))
            {
                problems.Add($"{endpoint}: the valid body of ValidRequests has no '{path}', which the schema names; add it so it is tested");
            }
        }

        foreach (var row in ValidRequests.All.Where(r => !BodyEndpoints.Any(e => e.Key == r.Key)))
        {
            problems.Add($"ValidRequests has a row for {row.Key}, which is not an endpoint that takes a body");
        }

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task every_valid_request_is_accepted_so_each_bad_case_differs_from_an_accepted_body_in_one_place()
    {
        var refused = new List<string>();
        foreach (var endpoint in BodyEndpoints)
        {
            if (ValidRequests.For(endpoint.Key) is not { } row)
            {
                continue;
            }

            var actor = await row.ActorAsync(host, host.User);
            var resource = await row.Create(actor);
            using var response = await host.SendAsync(actor.Http, row.Method, row.Path(resource), row.Body(actor, resource), row.Headers(resource));
            if ((int)response.StatusCode == 429)
            {
                output.WriteLine($"{endpoint.Key}: rate limited (429) after the other tests' requests; the body was not judged");
            }
            else if (!response.IsSuccessStatusCode)
            {
                refused.Add($"{endpoint.Key}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            if (row.AfterAccepted is { } undo)
            {
                await undo(actor);
            }
        }

        refused.ShouldBeEmpty(string.Join(Environment.NewLine, refused));
    }

    [Fact]
    public async Task every_field_of_every_body_refuses_hostile_values_cleanly_and_writes_nothing() =>
        await RunBodyCasesAsync("field values", (endpoint, sample) => BadRequests.For(host.Api, endpoint, sample, ValidRequests.For(endpoint.Key)?.Credentials).Where(c => !IsWholeBody(c)));

    [Fact]
    public async Task broken_and_oversized_bodies_other_content_types_and_garbage_headers_are_refused_cleanly_and_write_nothing() =>
        await RunBodyCasesAsync("whole bodies and headers", (endpoint, sample) => BadRequests.For(host.Api, endpoint, sample).Where(IsWholeBody));

    [Fact]
    public async Task a_token_that_is_not_one_is_a_401_problem_on_every_protected_endpoint()
    {
        var verdicts = new Verdicts();
        var clock = Stopwatch.StartNew();
        var requests = host.Requests;
        var before = await host.CountWritesAsync(host.User.Id);
        var cases = from endpoint in host.Api.Endpoints.Where(e => !e.Anonymous)
                    from auth in BadRequests.Authorizations()
                    select (endpoint, auth);
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, _) =>
        {
            var (endpoint, (what, header)) = item;
            var c = new BadCase(endpoint.Key, "Authorization", what, Expectation.Unauthorized, _ => null);
            using var http = host.Anonymous();
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), RouteItems.Fill(endpoint.Route, Guid.NewGuid().ToString()));
            if (endpoint.TakesBody)
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            if (!request.Headers.TryAddWithoutValidation("Authorization", header))
            {
                verdicts.Note($"{c}: HttpClient refuses to send this header");
                return;
            }

            try
            {
                verdicts.Judge(c, await Outcome.ReadAsync(await host.SendAsync(http, request)), before, before);
            }
            catch (HttpRequestException ex)
            {
                verdicts.Note($"{c}: not sent ({ex.GetBaseException().Message})");
            }
        });

        var after = await host.CountWritesAsync(host.User.Id);
        if (after != before)
        {
            verdicts.Fail($"requests with bad tokens wrote: {before} → {after}");
        }

        Report(verdicts, "bad tokens", requests, clock.Elapsed);
    }

    [Fact]
    public async Task query_values_out_of_range_or_malformed_are_refused_cleanly_and_write_nothing()
    {
        var verdicts = new Verdicts();
        var clock = Stopwatch.StartNew();
        var requests = host.Requests;
        var cases = new List<(string Path, BadCase Case)>();
        foreach (var endpoint in host.Api.Endpoints.Where(e => e.Method == "GET"))
        {
            var parameters = host.Api.QueryParameters(endpoint);
            if (parameters.Count == 0)
            {
                continue;
            }

            var path = endpoint.Route;
            if (endpoint.RouteParameters.Count > 0)
            {
                if (RouteItems.For(endpoint.Route) is not { Create: { } create })
                {
                    verdicts.Fail($"{endpoint} takes query parameters but RouteItems has no row saying how to create the item its route addresses");
                    continue;
                }

                path = RouteItems.Fill(endpoint.Route, (await create(host.User)).Id);
            }

            foreach (var parameter in parameters)
            {
                foreach (var (what, raw, expect) in QueryValues.For(parameter.Name))
                {
                    cases.Add(($"{path}?{Uri.EscapeDataString(parameter.Name)}={raw}", new BadCase(endpoint.Key, parameter.Name, what, expect, _ => null)));
                }

                cases.Add(($"{path}?{parameter.Name}=a&{parameter.Name}=b", new BadCase(endpoint.Key, parameter.Name, "given twice", Expectation.NoServerError, _ => null)));
            }
        }

        var before = await host.CountWritesAsync(host.User.Id);
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, _) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, item.Path);
            verdicts.Judge(item.Case, await Outcome.ReadAsync(await host.SendAsync(host.User.Http, request)), before, before);
        });

        var after = await host.CountWritesAsync(host.User.Id);
        if (after != before)
        {
            verdicts.Fail($"GET requests wrote: {before} → {after}");
        }

        Report(verdicts, "query values", requests, clock.Elapsed);
    }

    [Fact]
    public async Task raw_header_bytes_the_client_will_not_send_are_refused_without_a_server_error()
    {
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        var token = host.User.Client.Token;
        var huge = new string('a', 100 * 1024);
        (string What, byte[] Request)[] cases =
        [
            ("NUL in the bearer token", Raw($"GET /api/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\0tail\r\n\r\n")),
            ("bytes 0xFF 0xFE in the bearer token", [.. Raw($"GET /api/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}"), 0xFF, 0xFE, .. Raw("\r\n\r\n")]),
            ("a bare CR inside the Authorization value", Raw($"GET /api/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\rX-Injected: 1\r\n\r\n")),
            ("a 100 KiB header", Raw($"GET /api/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nX-Huge: {huge}\r\n\r\n")),
            ("NUL in the Idempotency-Key", Raw($"POST /api/accomplishments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nIdempotency-Key: a\0b\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{{}}")),
            ("NUL in If-Match", Raw($"DELETE /api/accomplishments/{host.User.AccomplishmentId} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nIf-Match: \"1\0\"\r\n\r\n")),
            ("a malformed chunk size", Raw($"POST /api/accomplishments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{{}}\r\n0\r\n\r\n")),
            ("Content-Length and Transfer-Encoding together", Raw($"POST /api/accomplishments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")),
            ("a negative Content-Length", Raw($"POST /api/accomplishments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: -1\r\n\r\n")),
            ("NUL in the path", Raw($"GET /api/accomplishments/\0 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n\r\n")),
        ];
        var before = await host.CountWritesAsync(host.User.Id);
        foreach (var (what, bytes) in cases)
        {
            host.CountRequest();
            var status = await SendRawAsync(bytes);
            output.WriteLine($"raw: {what} → {status}");
            if (status is null or >= 500 or < 400)
            {
                failures.Add($"raw request with {what} → {status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer"} (expected a 4xx)");
            }
        }

        var after = await host.CountWritesAsync(host.User.Id);
        if (after != before)
        {
            failures.Add($"raw requests wrote: {before} → {after}");
        }

        output.WriteLine($"raw headers: {cases.Length} requests, {clock.Elapsed.TotalSeconds:0.0} s");
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    private static bool Excused(ValidRequest row, string path) =>
        row.NotInBody?.Keys.Any(k => path == k || path.StartsWith(k + ".", StringComparison.Ordinal) || path.StartsWith(k + "[", StringComparison.Ordinal)) == true;

    private static bool IsWholeBody(BadCase c) => c.Field is "body" or "Content-Type" or "If-Match" or "Idempotency-Key";

    private async Task RunBodyCasesAsync(string suite, Func<ApiEndpoint, JsonNode, IEnumerable<BadCase>> select)
    {
        var verdicts = new Verdicts();
        var clock = Stopwatch.StartNew();
        var requests = host.Requests;
        foreach (var endpoint in BodyEndpoints)
        {
            if (ValidRequests.For(endpoint.Key) is not { } row)
            {
                verdicts.Fail($"{endpoint} takes a body but ValidRequests has no row for it");
                continue;
            }

            var user = await row.ActorAsync(host, host.User);
            var resource = await row.Create(user);
            var perEndpoint = 0;
            var endpointClock = Stopwatch.StartNew();
            foreach (var c in select(endpoint, row.Body(user, resource)).ToList())
            {
                perEndpoint++;
                if (await SendAsync(row, c, user, resource, verdicts))
                {
                    if (row.AfterAccepted is { } undo)
                    {
                        await undo(user);
                    }

                    user = await row.ActorAsync(host, user); // a fresh one when the accepted request deleted the account
                    resource = await row.Create(user); // the next case meets the same state as the first
                }
            }

            output.WriteLine($"{endpoint.Key}: {perEndpoint} cases, {endpointClock.Elapsed.TotalSeconds:0.0} s");
            if (row.AfterAccepted is { } cleanup)
            {
                await cleanup(user);
            }
        }

        Report(verdicts, suite, requests, clock.Elapsed);
    }

    /// <summary>Sends one case and judges it; answers whether the item may have changed.</summary>
    private async Task<bool> SendAsync(ValidRequest row, BadCase c, LedgerUser user, Resource? resource, Verdicts verdicts)
    {
        using var request = new HttpRequestMessage(row.Method, row.Path(resource)) { Content = c.Content(row.Body(user, resource)) };
        foreach (var (name, value) in row.Headers(resource))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        foreach (var (name, value) in c.Headers ?? new Dictionary<string, string>())
        {
            request.Headers.Remove(name);
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                verdicts.Note($"{c}: HttpClient refuses to send this header value");
                return false;
            }
        }

        var before = await host.CountWritesAsync(user.Id);
        Outcome outcome;
        try
        {
            outcome = await Outcome.ReadAsync(await host.SendAsync(user.Http, request));
        }
        catch (HttpRequestException ex) when (c.Headers is not null)
        {
            verdicts.Note($"{c}: HttpClient did not send it ({ex.GetBaseException().Message})");
            return false;
        }

        return verdicts.Judge(c, outcome, before, await host.CountWritesAsync(user.Id));
    }

    private void Report(Verdicts verdicts, string suite, int requestsBefore, TimeSpan elapsed)
    {
        output.WriteLine(verdicts.Summary(suite, host.Requests - requestsBefore, elapsed));
        foreach (var note in verdicts.Notes)
        {
            output.WriteLine("note: " + note);
        }

        foreach (var failure in verdicts.Failures)
        {
            output.WriteLine("FAIL: " + failure);
        }

        verdicts.Failures.ShouldBeEmpty($"{verdicts.Failures.Count} of {verdicts.Cases} cases failed:{Environment.NewLine}{string.Join(Environment.NewLine, verdicts.Failures)}");
    }

    private static byte[] Raw(string text) => Encoding.Latin1.GetBytes(text);

    private async Task<int?> SendRawAsync(byte[] request)
    {
        using var tcp = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await tcp.ConnectAsync(host.App.BaseAddress.Host, host.App.BaseAddress.Port, timeout.Token);
        var stream = tcp.GetStream();
        await stream.WriteAsync(request, timeout.Token);
        var buffer = new byte[4096];
        var read = 0;
        try
        {
            while (read < 12)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The server closed or did not answer: judged by what was read so far.
        }

        var head = Encoding.ASCII.GetString(buffer, 0, read);
        return head.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && int.TryParse(head.AsSpan(9, 3), out var status) ? status : null;
    }
}

/// <summary>
/// Query values per parameter: malformed and out-of-range values for every parameter, and, for parameters whose meaning the API
/// documents as a date, an instant or a bounded number, the values that must be a 400 naming the parameter.
/// </summary>
public static class QueryValues
{
    private const string Digits41 = "99999999999999999999999999999999999999999";

    /// <summary>(what, URL-encoded value, expectation) for <paramref name="parameter"/>.</summary>
    public static IEnumerable<(string What, string Raw, Expectation Expect)> For(string parameter)
    {
        var strict = Strict(parameter);
        var lenient = new (string What, string Raw)[]
        {
            ("empty", ""), ("a space", "%20"), ("NUL", "%00"), ("a word", "abc"), ("5,000 characters", new string('x', 5_000)),
            ("a right-to-left override", "%E2%80%AEabc"), ("-1", "-1"), ("0", "0"), ("-0", "-0"), ("1e300", "1e300"),
            ("a 41-digit number", Digits41), ("NaN", "NaN"), ("Infinity", "Infinity"), ("true", "true"), ("invalid UTF-8", "%FF%FE"),
            ("2026-02-30", "2026-02-30"), ("0001-01-01", "0001-01-01"), ("9999-12-31", "9999-12-31"), ("10000-01-01", "10000-01-01"),
            ("a timestamp", "2026-11-20T10%3A00%3A00Z"), ("year 1 as a timestamp", "0001-01-01T00%3A00%3A00Z"), ("year 9999 as a timestamp", "9999-12-31T23%3A59%3A59Z"),
        };
        foreach (var (what, raw) in lenient)
        {
            yield return (what, raw, strict.Contains(raw) ? Expectation.FieldError : Expectation.NoServerError);
        }

        foreach (var raw in strict.Where(s => !lenient.Any(l => l.Raw == s)))
        {
            yield return (Uri.UnescapeDataString(raw), raw, Expectation.FieldError);
        }
    }

    private static HashSet<string> Strict(string parameter) => parameter switch
    {
        // An instant: out-of-range dates and timestamps are refused ("asOf date bounds"), so are malformed ones (documented 400).
        "asOf" => ["0001-01-01", "9999-12-31", "10000-01-01", "2026-02-30", "0001-01-01T00%3A00%3A00Z", "9999-12-31T23%3A59%3A59Z", "abc", "-1", "1e300", "%00"],
        // A yyyy-MM-dd date: a malformed one is a 400 under its name (docs/api.md).
        "from" or "to" => ["2026-02-30", "10000-01-01", "abc", "%00", "2026-11-20T10%3A00%3A00Z"],
        // 1-50 (docs/api.md, story ranking).
        "top" => ["-1", "0", "51", "1e300", Digits41, "abc", "%00"],
        // A non-negative amount of money; 7.9e28 is a decimal but no salary.
        "currentTotal" or "minimumAnnual" => ["-1", "1e300", "79000000000000000000000000000", Digits41, "NaN", "abc", "%00"],
        // A whole level rank 1-10.
        "currentLevelRank" => ["0", "11", "1.5", "1e300", Digits41, "abc", "-1"],
        _ => [],
    };
}
