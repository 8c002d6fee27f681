using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareerLedger.Domain.Reminders;
using CareerLedger.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CareerLedger.Web.Tests.Hardening;

/// <summary>An item a test created for a user: its id (or key), its version (the ETag), and what else a request about it needs.</summary>
/// <param name="Id">The id (a UUID) or, for the calendar feed, the token in its URL.</param>
/// <param name="Version">The stream version the API sends as ETag (0 when it has none).</param>
/// <param name="QuestionId">For a mock session: its first question.</param>
public sealed record Resource(string Id, long Version, string? QuestionId = null);

/// <summary>
/// A signed-in user of a hardening suite and the items seeded for them (an accomplishment, a story), with one method per kind of
/// item a route can address, each creating a fresh one through the API (or, for reminders, which only the job scheduler
/// creates, through the app's document store).
/// </summary>
public sealed class LedgerUser
{
    private readonly HardeningHost _host;

    private LedgerUser(HardeningHost host, UserClient client)
    {
        _host = host;
        Client = client;
    }

    /// <summary>The user's client, e-mail, password, token and id.</summary>
    public UserClient Client { get; }

    /// <summary>The user (tenant) id.</summary>
    public Guid Id => Client.UserId;

    /// <summary>The client with the user's token.</summary>
    public HttpClient Http => Client.Http;

    /// <summary>An accomplishment seeded at start-up and never changed (stories are drafted from it).</summary>
    public Guid AccomplishmentId { get; private set; }

    /// <summary>A story seeded at start-up (answers name it).</summary>
    public Guid StoryId { get; private set; }

    /// <summary>Registers a user and seeds the items other requests refer to.</summary>
    public static async Task<LedgerUser> CreateAsync(HardeningHost host)
    {
        var user = new LedgerUser(host, await host.NewUserAsync());
        user.AccomplishmentId = Guid.Parse((await user.NewAccomplishmentAsync()).Id);
        user.StoryId = Guid.Parse((await user.NewStoryAsync()).Id);
        return user;
    }

    /// <summary>Registers a user and seeds nothing (for requests that delete the account that sends them).</summary>
    public static async Task<LedgerUser> CreateBareAsync(HardeningHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new LedgerUser(host, await host.NewUserAsync());
    }

    /// <summary>Sends a request as this user and insists on a 2xx answer; returns the body.</summary>
    public async Task<(JsonNode? Body, HttpResponseMessage Response)> CallAsync(HttpMethod method, string path, JsonNode? body = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var response = await _host.SendAsync(Http, method, path, body, headers);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return (text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    private static long Version(HttpResponseMessage response) =>
        response.Headers.ETag is { } tag ? long.Parse(tag.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture) : 0;

    /// <summary>Logs a new accomplishment.</summary>
    public async Task<Resource> NewAccomplishmentAsync()
    {
        var (body, response) = await CallAsync(HttpMethod.Post, "/api/accomplishments", ValidRequests.Accomplishment("Cut checkout p99 latency in half"));
        return new Resource((string)body!["id"]!, Version(response));
    }

    /// <summary>Records new feedback.</summary>
    public async Task<Resource> NewFeedbackAsync()
    {
        var (body, response) = await CallAsync(HttpMethod.Post, "/api/feedback", ValidRequests.Feedback($"Clear write-up {Guid.NewGuid():N}"));
        return new Resource((string)body!["id"]!, Version(response));
    }

    /// <summary>Records a new performance review.</summary>
    public async Task<Resource> NewReviewAsync()
    {
        var (body, response) = await CallAsync(HttpMethod.Post, "/api/reviews", ValidRequests.Review($"Steady half {Guid.NewGuid():N}"));
        return new Resource((string)body!["id"]!, Version(response));
    }

    /// <summary>Records a new open offer (received 2026-11-10).</summary>
    public async Task<Resource> NewOfferAsync()
    {
        var (body, response) = await CallAsync(HttpMethod.Post, "/api/offers", ValidRequests.Offer());
        return new Resource((string)body!["offer"]!["id"]!, Version(response));
    }

    /// <summary>Drafts a new story from the seeded accomplishment (or a new one while seeding).</summary>
    public async Task<Resource> NewStoryAsync()
    {
        var from = AccomplishmentId == Guid.Empty ? Guid.Parse((await NewAccomplishmentAsync()).Id) : AccomplishmentId;
        var (body, response) = await CallAsync(HttpMethod.Post, "/api/stories", ValidRequests.DraftStory(from));
        return new Resource((string)body!["story"]!["id"]!, Version(response));
    }

    /// <summary>Starts a new mock session of 20 questions.</summary>
    public async Task<Resource> NewSessionAsync()
    {
        var (body, response) = await CallAsync(HttpMethod.Post, "/api/practice/sessions", JsonNode.Parse("""{"questions":20,"seed":11}"""));
        var session = body!["session"]!;
        return new Resource((string)session["id"]!, Version(response), (string)session["questions"]![0]!["questionId"]!);
    }

    /// <summary>Opens a new active job-search goal, dropping the active one first (one active goal per kind).</summary>
    public async Task<Resource> NewGoalAsync()
    {
        await DropActiveGoalsAsync();
        var (body, response) = await CallAsync(HttpMethod.Post, "/api/goals", ValidRequests.Goal());
        return new Resource((string)body!["id"]!, Version(response));
    }

    /// <summary>Drops every active goal of the user, so a new one of the same kind can be opened.</summary>
    public async Task DropActiveGoalsAsync()
    {
        var (goals, _) = await CallAsync(HttpMethod.Get, "/api/goals?status=active");
        foreach (var goal in goals!.AsArray())
        {
            await CallAsync(HttpMethod.Post, $"/api/goals/{(string)goal!["id"]!}/drop", JsonNode.Parse("""{"note":"cleared by the hardening suite"}"""));
        }
    }

    /// <summary>Creates a personal access token (its id is the resource; the token list shows it).</summary>
    public async Task<Resource> NewTokenAsync()
    {
        using var anonymous = _host.Anonymous();
        var (body, _) = await CallAsync(anonymous, HttpMethod.Post, "/api/tokens", ValidRequests.Token(Client));
        return new Resource((string)body!["id"]!, 0);
    }

    /// <summary>
    /// Puts a reminder in the user's inbox. Reminders are only ever created by the reminder jobs, so this appends the
    /// <c>reminder_due</c> event the jobs append, through the app's document store, in the user's tenant.
    /// </summary>
    public async Task<Resource> NewReminderAsync()
    {
        var store = _host.App.Services.GetRequiredService<IDocumentStore>();
        var id = Guid.NewGuid();
        await using (var session = store.LightweightSession(Id.ToString()))
        {
            session.Events.StartStream(id, new ReminderDue(
                id,
                new ReminderNotice($"weekly_wins:{id:N}", ReminderKind.WeeklyWins, "Log this week's wins", "What did you ship?", LedgerAppFactory.DefaultNow, null),
                [ChannelKind.Inbox]));
            await session.SaveChangesAsync();
        }

        return new Resource(id.ToString(), 1);
    }

    /// <summary>Issues a calendar feed; the resource is the token in the feed's URL.</summary>
    public async Task<Resource> NewCalendarFeedAsync()
    {
        var (body, _) = await CallAsync(HttpMethod.Post, "/api/reminders/calendar");
        var url = (string)body!["url"]!;
        var token = url[(url.LastIndexOf('/') + 1)..^".ics".Length];
        return new Resource(token, 0);
    }

    private async Task<(JsonNode? Body, HttpResponseMessage Response)> CallAsync(HttpClient http, HttpMethod method, string path, JsonNode body)
    {
        var response = await _host.SendAsync(http, method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return (JsonNode.Parse(text), response);
    }

    /// <summary>The JSON of <paramref name="path"/> as this user sees it and its ETag, or the status when it is not a 200.</summary>
    public async Task<string> SnapshotAsync(string path)
    {
        var response = await _host.SendAsync(Http, HttpMethod.Get, path);
        var text = await response.Content.ReadAsStringAsync();
        return $"{(int)response.StatusCode} ETag={response.Headers.ETag?.Tag} {Canonical(text)}";
    }

    private static string Canonical(string text)
    {
        if (text.StartsWith("BEGIN:VCALENDAR", StringComparison.Ordinal))
        {
            // DTSTAMP is the moment the feed was rendered (the machine's clock, not the app's): not part of what the user stored.
            return string.Join("\n", text.ReplaceLineEndings("\n").Split('\n').Where(l => !l.StartsWith("DTSTAMP:", StringComparison.Ordinal)));
        }

        try
        {
            return JsonSerializer.Serialize(JsonDocument.Parse(text).RootElement);
        }
        catch (JsonException)
        {
            return text;
        }
    }
}
