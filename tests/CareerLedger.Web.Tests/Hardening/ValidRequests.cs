using System.Text.Json.Nodes;
using CareerLedger.Testing;

namespace CareerLedger.Web.Tests.Hardening;

/// <summary>
/// One valid request of an endpoint that takes a body: how to create the item its route addresses, a body the endpoint
/// accepts with every property its schema names, and how to undo an accepted request so the next one meets the same state.
/// </summary>
/// <param name="Key">"METHOD /route" as <see cref="ApiEndpoint.Key"/> spells it.</param>
/// <param name="Create">Creates the item the route's <c>{id}</c> addresses (null for routes without one).</param>
/// <param name="Body">The valid body for that item.</param>
/// <param name="SendIfMatch">Whether to send <c>If-Match</c> with the item's version (required or accepted by the route).</param>
/// <param name="AfterAccepted">Undoes what an accepted request left behind that would change later answers (an active goal).</param>
/// <param name="NotInBody">Schema paths the body leaves out on purpose, with the reason.</param>
/// <param name="Credentials">
/// Fields checked against a stored secret (the e-mail and password of sign-in, the password that confirms deleting an account):
/// a bad value there is refused just as well by a 401 "Wrong e-mail or password." or a 403 "Wrong password." as by a 400, and
/// the endpoint need not say which.
/// </param>
/// <param name="Actor">
/// Who sends the request, when not the suite's user: an accepted request of <c>DELETE /api/me</c> deletes the account that sent it,
/// so each of its requests is sent as a fresh user (and a new one is made after every accepted request).
/// </param>
public sealed record ValidRequest(
    string Key,
    Func<LedgerUser, Task<Resource?>> Create,
    Func<LedgerUser, Resource?, JsonNode> Body,
    bool SendIfMatch = false,
    Func<LedgerUser, Task>? AfterAccepted = null,
    IReadOnlyDictionary<string, string>? NotInBody = null,
    IReadOnlySet<string>? Credentials = null,
    Func<HardeningHost, Task<LedgerUser>>? Actor = null)
{
    /// <summary>The user to send the request as: <paramref name="suiteUser"/>, or a fresh one when the row has an <see cref="Actor"/>.</summary>
    public async Task<LedgerUser> ActorAsync(HardeningHost host, LedgerUser suiteUser) => Actor is null ? suiteUser : await Actor(host);

    /// <summary>The request path for <paramref name="resource"/>.</summary>
    public string Path(Resource? resource) =>
        Key[(Key.IndexOf(' ', StringComparison.Ordinal) + 1)..].Replace("{id}", resource?.Id ?? "{id}", StringComparison.Ordinal);

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method => new(Key[..Key.IndexOf(' ', StringComparison.Ordinal)]);

    /// <summary>The headers a valid request sends for <paramref name="resource"/>.</summary>
    public Dictionary<string, string> Headers(Resource? resource) =>
        SendIfMatch && resource is not null ? new() { ["If-Match"] = $"\"{resource.Version}\"" } : [];
}

/// <summary>
/// The table of valid requests, one row per endpoint that takes a body. A test fails when the app has a body endpoint without
/// a row here (<see cref="BadInputTests"/>), so a new endpoint cannot be left out of the bad-input suite. The test clock is
/// 2026-11-21 (Europe/Berlin); every date below is valid against it.
/// </summary>
public static class ValidRequests
{
    private static Task<Resource?> None(LedgerUser _) => Task.FromResult<Resource?>(null);

    private static Func<LedgerUser, Task<Resource?>> Item(Func<LedgerUser, Task<Resource>> create) => async u => await create(u);

    /// <summary>Every row.</summary>
    public static IReadOnlyList<ValidRequest> All { get; } =
    [
        new("POST /api/accounts", None, (_, _) => Register()),
        new("POST /api/tokens", None, (u, _) => Token(u.Client), Credentials: new HashSet<string> { "email", "password" }),
        new("DELETE /api/me", None, (u, _) => new JsonObject { ["password"] = u.Client.Password }, Credentials: new HashSet<string> { "password" },
            Actor: LedgerUser.CreateBareAsync),
        new("POST /api/accomplishments", None, (_, _) => Accomplishment("Cut checkout p99 latency in half")),
        new("PUT /api/accomplishments/{id}", Item(u => u.NewAccomplishmentAsync()), (_, _) => WithReason(Accomplishment("Halved checkout p99 latency"), "clearer title"), SendIfMatch: true,
            NotInBody: new Dictionary<string, string>
            {
                ["draft"] = "ReviseAccomplishmentRequest.Draft is a computed, get-only property; the OpenAPI document lists it as a body field, but the server never reads it",
            }),
        new("POST /api/feedback", None, (_, _) => Feedback("Your incident write-up was the clearest I have read this year.")),
        new("POST /api/reviews", None, (_, _) => Review("A strong half: steady on-call and clear incident write-ups.")),
        new("PUT /api/reviews/{id}", Item(u => u.NewReviewAsync()), (_, _) => Review("A strong half: steady on-call, clear write-ups, on-time delivery."), SendIfMatch: true),
        new("POST /api/import", None, (_, _) => Import()),
        new("POST /api/offers", None, (_, _) => Offer()),
        new("PUT /api/offers/{id}/terms", Item(u => u.NewOfferAsync()), (_, _) => ReviseOffer(), SendIfMatch: true),
        new("POST /api/offers/{id}/counter", Item(u => u.NewOfferAsync()), (_, _) => Counter(), SendIfMatch: true),
        new("PUT /api/offers/{id}/deadline", Item(u => u.NewOfferAsync()), (_, _) => JsonNode.Parse("""{"deadline":"2026-12-05"}""")!, SendIfMatch: true),
        new("POST /api/offers/{id}/accept", Item(u => u.NewOfferAsync()), (_, _) => CloseOffer(), SendIfMatch: true),
        new("POST /api/offers/{id}/decline", Item(u => u.NewOfferAsync()), (_, _) => CloseOffer(), SendIfMatch: true),
        new("POST /api/offers/{id}/expire", Item(u => u.NewOfferAsync()), (_, _) => CloseOffer(), SendIfMatch: true),
        new("POST /api/offers/{id}/withdraw", Item(u => u.NewOfferAsync()), (_, _) => CloseOffer(), SendIfMatch: true),
        new("POST /api/stories", None, (u, _) => DraftStory(u.AccomplishmentId)),
        new("PUT /api/stories/{id}", Item(u => u.NewStoryAsync()), (_, _) => ReviseStory(), SendIfMatch: true),
        new("PUT /api/stories/{id}/links", Item(u => u.NewStoryAsync()), (_, _) =>
            JsonNode.Parse("""{"competencies":["ownership","customer_impact"],"questionIds":["q-035-talked-a-stakeholder-out-of-a-request"]}""")!, SendIfMatch: true),
        new("POST /api/stories/{id}/uses", Item(u => u.NewStoryAsync()), (_, _) => JsonNode.Parse("""{"company":"Contoso","round":"onsite","on":"2026-11-20"}""")!, SendIfMatch: true),
        new("POST /api/coach", None, (_, _) => Coach()),
        new("POST /api/practice/sessions", None, (_, _) =>
            JsonNode.Parse("""{"lens":"amazon","level":"staff","competencies":["customer_impact"],"questions":2,"seed":7}""")!),
        new("POST /api/practice/sessions/{id}/answers", Item(u => u.NewSessionAsync()), (u, r) => Answer(r!.QuestionId!, u.StoryId)),
        new("POST /api/goals", async u =>
        {
            await u.DropActiveGoalsAsync();
            return null;
        }, (_, _) => Goal(), AfterAccepted: u => u.DropActiveGoalsAsync()),
        new("PUT /api/goals/{id}", Item(u => u.NewGoalAsync()), (_, _) => Goal("Staff role at a payments company"), SendIfMatch: true),
        new("POST /api/goals/{id}/reach", Item(u => u.NewGoalAsync()), (_, _) => CloseGoal(), SendIfMatch: true),
        new("POST /api/goals/{id}/drop", Item(u => u.NewGoalAsync()), (_, _) => CloseGoal(), SendIfMatch: true),
        new("PUT /api/reminders/settings", None, (_, _) => JsonNode.Parse("""
            {"winsDay":"friday","winsAt":"16:00","mockEveryDays":3,"mockAt":"18:00","quietHours":"21:00-08:00",
             "enable":["weekly_wins"],"disable":["quarterly_review"],"webhook":"https://hooks.example.com/careerledger","email":"off"}
            """)!),
    ];

    /// <summary>The row of <paramref name="key"/>, or null.</summary>
    public static ValidRequest? For(string key) => All.FirstOrDefault(r => r.Key == key);

    /// <summary>A registration with a fresh e-mail address.</summary>
    public static JsonNode Register() => new JsonObject
    {
        ["email"] = $"probe-{Guid.NewGuid():N}@example.com",
        ["password"] = "correct horse battery staple",
        ["displayName"] = "Probe",
        ["timeZone"] = "Europe/Berlin",
    };

    /// <summary>A token request for <paramref name="user"/>.</summary>
    public static JsonNode Token(UserClient user) => new JsonObject
    {
        ["email"] = user.Email,
        ["password"] = user.Password,
        ["name"] = "hardening probe",
        ["expiresInDays"] = 30,
    };

    /// <summary>An accomplishment with every field.</summary>
    public static JsonNode Accomplishment(string title) => new JsonObject
    {
        ["title"] = title,
        ["occurredOn"] = "2026-11-19",
        ["description"] = "Profiled the checkout path and batched the ledger calls.",
        ["project"] = "Checkout",
        ["scope"] = "multi_team",
        ["involvement"] = "led",
        ["impact"] = new JsonArray(new JsonObject
        {
            ["name"] = "p99 latency",
            ["before"] = 420,
            ["after"] = 210,
            ["unit"] = "ms",
            ["lowerIsBetter"] = true,
        }),
        ["competencies"] = new JsonArray("performance_cost", "ownership"),
        ["learnings"] = "Added a latency budget check to CI.",
        ["links"] = new JsonArray("https://git.example.com/checkout/pull/812"),
    };

    private static JsonNode WithReason(JsonNode body, string reason)
    {
        body["reason"] = reason;
        return body;
    }

    /// <summary>Feedback with every field.</summary>
    public static JsonNode Feedback(string text) => new JsonObject
    {
        ["text"] = text,
        ["receivedOn"] = "2026-10-02",
        ["from"] = "skip_level",
        ["source"] = "1:1",
        ["sentiment"] = "positive",
        ["themes"] = new JsonArray("communication", "reliability"),
    };

    /// <summary>A performance review with every field.</summary>
    public static JsonNode Review(string text) => new JsonObject
    {
        ["periodStart"] = "2026-01-01",
        ["periodEnd"] = "2026-06-30",
        ["periodLabel"] = "2026 H1",
        ["reviewerName"] = "Dana Smith",
        ["reviewerRole"] = "Engineering Manager",
        ["rating"] = "Exceeds expectations",
        ["ratingScore"] = 4,
        ["ratingScaleMax"] = 5,
        ["text"] = text,
        ["strengths"] = new JsonArray("reliability", "communication"),
        ["growthAreas"] = new JsonArray("mentorship"),
        ["promotion"] = "deferred",
        ["newLevel"] = "Staff Engineer",
    };

    /// <summary>An import of one accomplishment, one feedback item and one review, every field given.</summary>
    public static JsonNode Import()
    {
        var win = Accomplishment("Ran the Black Friday load test");
        var accomplishment = new JsonObject { ["id"] = "hardening-import-win" };
        foreach (var (name, value) in win.AsObject())
        {
            accomplishment[name] = value?.DeepClone();
        }

        var feedback = new JsonObject { ["id"] = "hardening-import-feedback" };
        foreach (var (name, value) in Feedback("The load-test report was exemplary.").AsObject())
        {
            feedback[name] = value?.DeepClone();
        }

        var review = new JsonObject { ["id"] = "hardening-import-review" };
        foreach (var (name, value) in Review("Ran the peak-season readiness work end to end.").AsObject())
        {
            review[name] = value?.DeepClone();
        }

        return new JsonObject { ["accomplishments"] = new JsonArray(accomplishment), ["feedback"] = new JsonArray(feedback), ["reviews"] = new JsonArray(review) };
    }

    /// <summary>Offer terms with every field: options (every option field), a custom vesting object, a refresher with a preset.</summary>
    public static JsonNode Terms() => JsonNode.Parse("""
        {"company":"Lumen Labs","role":"Staff Engineer","level":{"label":"Staff","rank":6},"location":"Remote","currency":"USD",
         "baseSalary":185000,"bonusTargetPercent":10,"signOn":[{"amount":20000,"paidAtMonth":0,"clawbackMonths":12}],
         "equity":{"kind":"options","grantValue":504000,"shares":60000,"sharePrice":8.40,"strikePrice":2.10,"fairMarketValue":2.10,
                   "preferredPrice":8.40,"fullyDilutedShares":48000000,"optionType":"iso","exerciseWindowDays":90,
                   "liquidationPreference":120000000,"vesting":{"cliffMonths":12,"frequency":"monthly","yearPercents":[25,25,25,25]}},
         "refresher":{"annualValue":30000,"vesting":"even_4y"},"retirementMatchPercent":4,"ptoDays":25,"remote":"remote",
         "stage":"series_b","startDate":"2027-01-18","deadline":"2026-12-01","notes":"Verbal first, written on the 10th."}
        """)!;

    /// <summary>A new offer received on 2026-11-10.</summary>
    public static JsonNode Offer() => new JsonObject { ["stage"] = "written", ["receivedOn"] = "2026-11-10", ["terms"] = Terms() };

    private static JsonNode ReviseOffer()
    {
        var terms = Terms();
        terms["baseSalary"] = 195000;
        return new JsonObject { ["revisedOn"] = "2026-11-19", ["terms"] = terms, ["reason"] = "after counter", ["stage"] = "written" };
    }

    private static JsonNode Counter() => JsonNode.Parse("""
        {"sentOn":"2026-11-18","asks":[{"component":"sign_on","amount":40000,"text":"close the first-year gap"}],"note":"Cited the Contoso offer."}
        """)!;

    private static JsonNode CloseOffer() => JsonNode.Parse("""{"on":"2026-11-20","reason":"chose another offer"}""")!;

    /// <summary>A STAR story from one accomplishment, with the user's own headline and sections (every field of the body).</summary>
    public static JsonNode DraftStory(Guid accomplishmentId) => new JsonObject
    {
        ["accomplishmentIds"] = new JsonArray(accomplishmentId.ToString()),
        ["format"] = "star",
        ["headline"] = "Cut checkout p99 latency in half",
        ["sections"] = new JsonObject
        {
            ["situation"] = "Checkout p99 latency had doubled in a quarter.",
            ["task"] = "I had to bring it back under 250 ms.",
            ["context"] = null,
            ["action"] = "I profiled every hop and batched the ledger calls.",
            ["result"] = "p99 fell from 420 ms to 210 ms.",
            ["learnings"] = "I added a latency budget check to CI.",
        },
    };

    private static JsonNode ReviseStory() => JsonNode.Parse("""
        {"format":"star","headline":"Cut checkout p99 latency in half across three teams",
         "sections":{"situation":"Checkout p99 latency had doubled in a quarter and conversion was dropping.",
                     "task":"I had to bring it back under 250 ms without a feature freeze.",
                     "context":"Three teams owned parts of the checkout path.",
                     "action":"I profiled every hop, batched the ledger calls and agreed a latency budget with each team.",
                     "result":"p99 fell from 420 ms to 210 ms and stayed there for the rest of the year.",
                     "learnings":"I added a latency budget check to CI so regressions fail the build."},
         "reason":"tighter"}
        """)!;

    private static JsonNode Coach() => JsonNode.Parse("""
        {"text":"Situation: Checkout p99 latency had doubled.\nTask: I had to halve it.\nAction: I profiled every hop and batched the ledger calls.\nResult: p99 fell from 420 ms to 210 ms.",
         "durationSeconds":60,"format":"star","question":"Tell me about a time you improved performance."}
        """)!;

    private static JsonNode Answer(string questionId, Guid storyId) => new JsonObject
    {
        ["text"] = "Situation: Checkout p99 latency had doubled.\nTask: I had to halve it.\nAction: I profiled every hop and batched the ledger calls.\nResult: p99 fell from 420 ms to 210 ms.\nLearnings: I added a latency budget to CI.",
        ["durationSeconds"] = 95,
        ["questionId"] = questionId,
        ["storyId"] = storyId.ToString(),
    };

    /// <summary>A job-search goal with every field.</summary>
    public static JsonNode Goal(string title = "Staff role at a fintech") => new JsonObject
    {
        ["kind"] = "job_search",
        ["title"] = title,
        ["targetLevel"] = "staff",
        ["targetDate"] = "2027-06-30",
        ["targetCompanies"] = new JsonArray("Stripe", "Adyen"),
        ["interviews"] = new JsonArray(new JsonObject { ["on"] = "2026-12-10", ["company"] = "Stripe", ["stage"] = "onsite" }),
    };

    private static JsonNode CloseGoal() => JsonNode.Parse("""{"on":"2026-11-20","note":"signed the offer"}""")!;
}
