namespace CareerLedger.Domain.Tests.Coaching;

/// <summary>How a story is laid out on the page, to exercise every way of labelling sections.</summary>
public enum Layout
{
    /// <summary>"Situation:", "Task:", "Action:", "Result:", "Learnings:" at line starts.</summary>
    StarLabels,

    /// <summary>"**Situation**" headings on their own lines (Markdown).</summary>
    BoldHeadings,

    /// <summary>"S:", "T:", "A:", "R:", "L:".</summary>
    Letters,

    /// <summary>"Context:", "Action:", "Result:", "Learnings:" (situation and task share the context).</summary>
    CarlLabels,

    /// <summary>No labels: paragraphs of prose, classified by cue words.</summary>
    Prose,
}

/// <summary>The parts of a story; an empty part is left out.</summary>
public sealed record StoryParts(string Situation, string Task, string Action, string Result, string Learnings)
{
    public string Render(Layout layout) => layout switch
    {
        Layout.StarLabels => Join("\n", ("Situation: ", Situation), ("Task: ", Task), ("Action: ", Action), ("Result: ", Result), ("Learnings: ", Learnings)),
        Layout.BoldHeadings => Join("\n\n", ("**Situation**\n", Situation), ("**Task**\n", Task), ("**Action**\n", Action), ("**Result**\n", Result), ("**Learnings**\n", Learnings)),
        Layout.Letters => Join("\n", ("S: ", Situation), ("T: ", Task), ("A: ", Action), ("R: ", Result), ("L: ", Learnings)),
        Layout.CarlLabels => Join("\n\n", ("Context: ", $"{Situation} {Task}".Trim()), ("Action: ", Action), ("Result: ", Result), ("Learnings: ", Learnings)),
        _ => Join("\n\n", ("", $"{Situation} {Task}".Trim()), ("", Action), ("", $"{Result} {Learnings}".Trim())),
    };

    private static string Join(string separator, params (string Label, string Text)[] parts) =>
        string.Join(separator, parts.Where(p => p.Text.Length > 0).Select(p => p.Label + p.Text));
}

/// <summary>A strong answer and its five degraded variants, each with one defect injected.</summary>
public sealed record CalibrationStory(
    string Name,
    Layout Layout,
    StoryParts Strong,
    StoryParts WeNotI,
    StoryParts NumbersRemoved,
    StoryParts ContextBloated,
    StoryParts LearningRemoved,
    StoryParts Hypothetical)
{
    public override string ToString() => Name;
}

/// <summary>
/// The calibration suite: six strong answers written for this test (150-300 words, different competencies and layouts),
/// each with the five defects from docs/domain.md injected one at a time.
/// </summary>
public static class CalibrationStories
{
    public static readonly CalibrationStory ReliabilityIncident = Build(
        "reliability incident",
        Layout.StarLabels,
        new StoryParts(
            Situation: "At a payments company, our checkout API started failing during the Friday evening peak, and 9 % of card payments were declined with timeouts.",
            Task: "I was the on-call engineer, so it was my job to stop the damage and find the cause.",
            Action: "I declared an incident, pulled in the database owner and posted an update in the incident channel every 15 minutes so support could answer merchants. "
                + "I lined the error spike up against the deploy log and saw it began 4 minutes after a release that raised the HTTP client timeout. "
                + "I rolled that release back first, which stopped new failures but left a backlog of retries. "
                + "I then traced the retries and found that our client retried instantly without jitter, so every timeout fired three more calls at a pool of only 50 connections. "
                + "I capped retries at two, added exponential backoff with jitter, and raised the pool size after load-testing it in staging. "
                + "I wrote the post-mortem on Monday and walked the team through it.",
            Result: "Payments recovered 38 minutes after the page, and no customer was charged twice. "
                + "Over the next quarter, timeout errors fell from 1.2 % of requests to 0.05 %, and the payments team had its first quarter without a timeout page.",
            Learnings: "I learned that retries without backoff turn a small slowdown into an outage. "
                + "Since then every HTTP client in our services goes through a shared library with jittered backoff, and a CI check fails any build that bypasses it."),
        weNotI: p => p with
        {
            Action = "We declared an incident, pulled in the database owner and posted an update in the incident channel every 15 minutes so support could answer merchants. "
                + "We lined the error spike up against the deploy log and saw it began 4 minutes after a release that raised the HTTP client timeout. "
                + "We rolled that release back first, which stopped new failures but left a backlog of retries. "
                + "We then traced the retries and found that our client retried instantly without jitter, so every timeout fired three more calls at a pool of only 50 connections. "
                + "We capped retries at two, added exponential backoff with jitter, and raised the pool size after load-testing it in staging. "
                + "We wrote the post-mortem on Monday and walked the wider team through it.",
        },
        numbersRemoved: p => p with
        {
            Situation = "At a payments company, our checkout API started failing during the Friday evening peak, and a worrying share of card payments were declined with timeouts.",
            Action = "I declared an incident, pulled in the database owner and posted regular updates in the incident channel so support could answer merchants. "
                + "I lined the error spike up against the deploy log and saw it began shortly after a release that raised the HTTP client timeout. "
                + "I rolled that release back first, which stopped new failures but left a backlog of retries. "
                + "I then traced the retries and found that our client retried instantly without jitter, so every timeout fired several more calls at a small connection pool. "
                + "I capped retries, added exponential backoff with jitter, and raised the pool size after load-testing it in staging. "
                + "I wrote the post-mortem on Monday and walked the team through it.",
            Result = "Payments recovered fairly quickly, and no customer was charged twice. "
                + "Over the next quarter, timeout errors became much rarer.",
        },
        extraContext: "The checkout API sat in front of three payment processors and a fraud service, and it had grown over six years from a single monolith into a dozen services owned by four different teams. "
            + "Friday evening is our busiest window because restaurants batch their supplier payments then, and the sales team had just signed two large merchants who were onboarding that week. "
            + "The database team had recently migrated the connection pooler, the platform team was halfway through moving us to a new load balancer, and the dashboards still showed the old names for half of the hosts. "
            + "Support had already opened several tickets from merchants in the hour before I was paged, and my manager was travelling without reliable internet.",
        hypothetical: p => p with
        {
            Task = "If I were the on-call engineer, my job would be to stop the damage and find the cause.",
            Action = "I would declare an incident, pull in the database owner and post updates in the incident channel every 15 minutes so support could answer merchants. "
                + "I would line the error spike up against the deploy log to see whether it began after a release. "
                + "I'd roll that release back first, since that usually stops new failures. "
                + "Then I would trace the retries and check whether the client retries instantly without jitter, because that can multiply the load on the connection pool. "
                + "I would cap retries, add exponential backoff with jitter, and load-test a bigger pool in staging. "
                + "I would also write a post-mortem and walk the team through it.",
            Result = "I would expect payments to recover within the hour and timeout errors to fall well below 1 % of requests.",
            Learnings = "I would make every HTTP client go through a shared library with jittered backoff, and I'd add a CI check that fails any build that bypasses it.",
        });

    public static readonly CalibrationStory Performance = Build(
        "performance",
        Layout.Prose,
        new StoryParts(
            Situation: "At the time, our product search had a p99 latency of 2.4 seconds, and users who waited over 2 seconds abandoned their search twice as often.",
            Task: "I volunteered to take it on, with a goal of getting p99 under 800 ms before the holiday sale.",
            Action: "I started by adding tracing to every hop, which showed that 70 % of the time went into 30 sequential calls to the pricing service. "
                + "I rewrote the handler to fetch all prices in one batched request and cached them for 60 seconds, after confirming with the pricing team that prices change at most hourly. "
                + "I also found an N+1 query in the facet counts and replaced it with a single aggregate query. "
                + "I shipped each change behind a flag and compared latency on 10 % of traffic before rolling out to everyone. "
                + "When the cache hit rate was lower than I expected, I traced it to a locale field in the cache key and removed it.",
            Result: "As a result, p99 dropped from 2.4 s to 620 ms, and search abandonment fell by 18 % during the sale. "
                + "Finance estimated that the recovered searches brought in about $300k of extra sales during the sale week.",
            Learnings: "The lesson for me was to measure before optimising, because my first guess, the database, was wrong. "
                + "Since then every endpoint we own has a latency dashboard and an alert when p99 goes above one second."),
        weNotI: p => p with
        {
            Action = "We started by adding tracing to every hop, which showed that 70 % of the time went into 30 sequential calls to the pricing service. "
                + "We rewrote the handler to fetch all prices in one batched request and cached them for 60 seconds, after confirming with the pricing team that prices change at most hourly. "
                + "We also found an N+1 query in the facet counts and replaced it with a single aggregate query. "
                + "We shipped each change behind a flag and compared latency on 10 % of traffic before rolling out to everyone. "
                + "When the cache hit rate was lower than we expected, we traced it to a locale field in the cache key and removed it.",
        },
        numbersRemoved: p => p with
        {
            Situation = "At the time, our product search was slow at the tail, and users who waited too long abandoned their search far more often.",
            Task = "I volunteered to take it on, with a goal of making it fast before the holiday sale.",
            Action = "I started by adding tracing to every hop, which showed that most of the time went into sequential calls to the pricing service. "
                + "I rewrote the handler to fetch all prices in one batched request and cached them briefly, after confirming with the pricing team that prices rarely change. "
                + "I also found an N+1 query in the facet counts and replaced it with a single aggregate query. "
                + "I shipped each change behind a flag and compared latency on a slice of traffic before rolling out to everyone. "
                + "When the cache hit rate was lower than I expected, I traced it to a locale field in the cache key and removed it.",
            Result = "As a result, search became significantly faster, and far fewer people abandoned their search during the sale.",
        },
        extraContext: "Search was the oldest part of the shop, written before anyone on the current team had joined, and it had been passed between three teams during two reorganisations. "
            + "Marketing was planning the biggest holiday campaign in the company's history, and the leadership team had made conversion the top goal for the year. "
            + "The pricing service belonged to another department on a different release schedule, and the search index was rebuilt nightly by a batch job that nobody fully understood. "
            + "Several earlier attempts to speed it up had been abandoned halfway, so there was some scepticism in planning meetings about whether it was worth another try.",
        hypothetical: p => p with
        {
            Task = "If I were asked to take it on, I would aim to get p99 under 800 ms before the holiday sale.",
            Action = "I would start by adding tracing to every hop to see where the time goes. "
                + "If it turned out to be calls to the pricing service, I'd batch them into one request and cache the prices for a short time, after checking how often prices change. "
                + "I would also look for N+1 queries and replace them with aggregate queries. "
                + "I would ship each change behind a flag and compare latency on 10 % of traffic before rolling out to everyone.",
            Result = "I would expect p99 to drop well under 800 ms and abandonment to fall during the sale.",
            Learnings = "I would then add a latency dashboard and an alert when p99 goes above one second.",
        });

    public static readonly CalibrationStory Conflict = Build(
        "conflict with a peer",
        Layout.BoldHeadings,
        new StoryParts(
            Situation: "Two teams shared an orders database, and a staff engineer on the other team wanted to move it to a new schema in a single weekend cutover.",
            Task: "I owned the services that would break if that cutover failed, so I needed a plan both of us could defend.",
            Action: "I asked him for an hour to understand his reasons instead of arguing in the design review thread. "
                + "He wanted to avoid months of dual writes; my worry was a cutover with no way back. "
                + "I wrote a one-page comparison of both plans with their failure modes, rollback paths and cost in engineer-weeks, and asked him to correct anything I had got wrong. "
                + "I then rehearsed his cutover against a copy of production, which took 7 hours instead of the planned 2, and shared the timings with both teams. "
                + "With that data he proposed a middle path himself: dual writes for the 3 busiest tables and a cutover for the rest. "
                + "I disagreed with one detail, the lack of a job comparing reads from both schemas, but I committed to his plan and built that comparison job myself.",
            Result: "The migration finished in 5 weeks with no customer-facing downtime, compared with the 7-hour outage the rehearsal predicted for a single cutover, and the comparison job caught 2 bugs in the new schema before the switch. "
                + "Both teams reused the same plan for another migration later that year.",
            Learnings: "I learned that a rehearsal with real numbers settles a disagreement faster than any argument. "
                + "We now rehearse every risky migration, and the one-page comparison became our template for contested design decisions."),
        weNotI: p => p with
        {
            Action = "We asked him for an hour to understand his reasons instead of arguing in the design review thread. "
                + "He wanted to avoid months of dual writes; our worry was a cutover with no way back. "
                + "We wrote a one-page comparison of both plans with their failure modes, rollback paths and cost in engineer-weeks, and asked him to correct anything we had got wrong. "
                + "We then rehearsed his cutover against a copy of production, which took 7 hours instead of the planned 2, and shared the timings with both teams. "
                + "With that data he proposed a middle path himself: dual writes for the 3 busiest tables and a cutover for the rest. "
                + "We disagreed with one detail, the lack of a job comparing reads from both schemas, but we committed to his plan and built that comparison job ourselves.",
        },
        numbersRemoved: p => p with
        {
            Situation = "Our team shared an orders database with another team, and a staff engineer over there wanted to move it to a new schema in a single weekend cutover.",
            Action = "I asked him for some time to understand his reasons instead of arguing in the design review thread. "
                + "He wanted to avoid months of dual writes; my worry was a cutover with no way back. "
                + "I wrote a one-page comparison of both plans with their failure modes, rollback paths and rough cost, and asked him to correct anything I had got wrong. "
                + "I then rehearsed his cutover against a copy of production, which took far longer than planned, and shared the timings with both teams. "
                + "With that data he proposed a middle path himself: dual writes for the busiest tables and a cutover for the rest. "
                + "I disagreed with one detail, the lack of a job comparing reads from both schemas, but I committed to his plan and built that comparison job myself.",
            Result = "The migration finished without customer-facing downtime, and the comparison job caught some bugs in the new schema before the switch.",
        },
        extraContext: "The orders database was the oldest system in the company and held every order since the first day of trading, including some records in formats nobody used any more. "
            + "The other team had been asking for the new schema for a long time because their reporting queries kept timing out, and their director had promised the finance team faster reports by the end of the quarter. "
            + "My own team was in the middle of a payment provider migration, so we had little spare capacity, and our product manager was nervous about anything that touched orders during the busy season. "
            + "The relationship between the two teams was already tense after an earlier incident in which a schema change had broken one of our services.",
        hypothetical: p => p with
        {
            Task = "If I owned the services that would break, I would want a plan both of us could defend.",
            Action = "I would ask him for an hour to understand his reasons instead of arguing in the design review thread. "
                + "I'd write a one-page comparison of both plans with their failure modes, rollback paths and cost, and ask him to correct it. "
                + "I would also rehearse his cutover against a copy of production to get real timings, and I'd share them with both teams. "
                + "If I still disagreed with a detail, I would say so but commit to the plan we chose.",
            Result = "I think the migration would then finish without downtime, and a comparison job would catch bugs before the switch.",
            Learnings = "I would make rehearsals part of every risky migration, and I'd turn the comparison into a template for contested decisions.",
        });

    public static readonly CalibrationStory Ambiguity = Build(
        "ambiguity",
        Layout.Prose,
        new StoryParts(
            Situation: "Last spring our analytics product had plenty of sign-ups, but most new accounts never came back, and nobody agreed on why.",
            Task: "My director asked me to turn a vague request to fix onboarding into a problem we could measure and solve within a quarter.",
            Action: "I started by defining activation as building a first dashboard within 7 days, and I pulled the funnel for the previous 6 months, which showed that 41 % of new accounts stalled at connecting a data source. "
                + "I interviewed 12 customers who had stalled and heard that most of them lacked database credentials on day one. "
                + "I proposed two bets to my director, each with a date on which we would drop it if the numbers did not move: a sample data set to explore before connecting, and an invite flow for the colleague who held the credentials. "
                + "I built the sample data set myself in 3 weeks, paired with a designer on the invite flow, and set up an A/B test for both.",
            Result: "As a result, activation rose from 38 % to 52 % over the next 2 months, and each new account invited 1.6 colleagues on average. "
                + "Over the same period, support tickets about setup fell by about a third, which freed one support engineer for other work.",
            Learnings: "Looking back, the biggest lever was writing down the definition of activation first, because it ended the debate about what fixed meant. "
                + "That definition is now on the team's dashboard and in our quarterly goals."),
        weNotI: p => p with
        {
            Action = "We started by defining activation as building a first dashboard within 7 days, and we pulled the funnel for the previous 6 months, which showed that 41 % of new accounts stalled at connecting a data source. "
                + "We interviewed 12 customers who had stalled and heard that most of them lacked database credentials on day one. "
                + "We proposed two bets to our director, each with a date on which we would drop it if the numbers did not move: a sample data set to explore before connecting, and an invite flow for the colleague who held the credentials. "
                + "We built the sample data set in 3 weeks, paired with a designer on the invite flow, and set up an A/B test for both.",
        },
        numbersRemoved: p => p with
        {
            Action = "I started by defining activation as building a first dashboard in the first week, and I pulled the funnel for the previous half year, which showed that a large share of new accounts stalled at connecting a data source. "
                + "I interviewed customers who had stalled and heard that most of them lacked database credentials on day one. "
                + "I proposed two bets to my director, each with a date on which we would drop it if the numbers did not move: a sample data set to explore before connecting, and an invite flow for the colleague who held the credentials. "
                + "I built the sample data set myself in a few weeks, paired with a designer on the invite flow, and set up an A/B test for both.",
            Result = "As a result, activation rose noticeably over the next couple of months, and most new accounts invited colleagues.",
        },
        extraContext: "The product had started as an internal tool, and it was sold mostly through a self-service trial, so there was no sales engineer to walk new customers through setup. "
            + "Marketing believed the problem was the pricing page, sales believed it was missing integrations, and the support team believed it was the documentation, and each group had a slide deck to prove it. "
            + "There was no product manager for onboarding at the time, the analytics events had been added piecemeal by different teams, and several of them fired twice or not at all. "
            + "The company had also just raised a new funding round, so the board was asking for growth numbers every month.",
        hypothetical: p => p with
        {
            Task = "If my director asked me to fix onboarding, I would first turn it into a problem we could measure.",
            Action = "I would define activation, for example as building a first dashboard within 7 days, and pull the funnel to see where new accounts stall. "
                + "I would interview customers who stalled to understand why. "
                + "Then I'd propose a couple of bets with a date to drop each one if the numbers do not move. "
                + "I would build the most promising one first and set up an A/B test for it.",
            Result = "I would expect activation to rise within a couple of months.",
            Learnings = "I would put the definition of activation on a dashboard so the team keeps measuring it.",
        });

    public static readonly CalibrationStory Mentorship = Build(
        "mentorship",
        Layout.Letters,
        new StoryParts(
            Situation: "A new graduate joined my team of 6 while the senior engineers were busy with a platform migration, and after 5 weeks she had not yet shipped a change to production.",
            Task: "I asked my manager to let me mentor her, with the goal of getting her shipping on her own within a quarter.",
            Action: "I met her for 30 minutes twice a week and asked her to bring one thing she was stuck on, rather than reviewing her work for her. "
                + "I noticed she was afraid of breaking production, so I walked her through the deploy pipeline, showed her how rollbacks work and had her roll back a harmless change in staging on purpose. "
                + "I split her next project, a rate limiter for the public API, into 4 small steps, each with a clear test to pass. "
                + "I reviewed her first design document line by line, then stepped back and commented only on the big questions in her second. "
                + "When she hesitated to present at the design review, I rehearsed it with her the day before and let her answer the questions herself.",
            Result: "Within 10 weeks she shipped the rate limiter on her own, and it cut abusive traffic on the API by 35 %. "
                + "Her time from first change to production dropped from 9 days to 2, and the review load on the seniors fell enough that I could return to the migration full time.",
            Learnings: "I learned that asking questions instead of giving answers builds independence faster, even though it feels slower at first. "
                + "I turned our weekly format into a mentoring checklist that two other seniors on my team now use."),
        weNotI: p => p with
        {
            Action = "We met for 30 minutes twice a week and we asked her to bring one thing she was stuck on, rather than reviewing her work for her. "
                + "We noticed she was afraid of breaking production, so we walked her through the deploy pipeline, showed her how rollbacks work and had her roll back a harmless change in staging on purpose. "
                + "We split her next project, a rate limiter for the public API, into 4 small steps, each with a clear test to pass. "
                + "We reviewed her first design document line by line, then stepped back and commented only on the big questions in her second. "
                + "When she hesitated to present at the design review, we rehearsed it with her the day before and let her answer the questions herself.",
        },
        numbersRemoved: p => p with
        {
            Situation = "A new graduate joined my small team while the senior engineers were busy with a platform migration, and after more than a month she had not yet shipped a change to production.",
            Action = "I met her regularly and asked her to bring one thing she was stuck on, rather than reviewing her work for her. "
                + "I noticed she was afraid of breaking production, so I walked her through the deploy pipeline, showed her how rollbacks work and had her roll back a harmless change in staging on purpose. "
                + "I split her next project, a rate limiter for the public API, into small steps, each with a clear test to pass. "
                + "I reviewed her first design document line by line, then stepped back and commented only on the big questions in her second. "
                + "When she hesitated to present at the design review, I rehearsed it with her the day before and let her answer the questions herself.",
            Result = "Before long she shipped the rate limiter on her own, and it cut abusive traffic on the API a lot. "
                + "Her time from first change to production became much shorter.",
        },
        extraContext: "Our team owned the public API and the developer portal, which had grown quickly after the company opened the platform to partners, and the backlog was long. "
            + "The graduate programme had been reorganised that year, so new hires no longer had a formal buddy, and the onboarding documents described a build system we had replaced. "
            + "Most of the team worked remotely in different time zones, which made casual questions over a desk impossible, and the senior engineers were spending their days in migration planning. "
            + "Her previous internship had been in data science, so she was new to production services and to on-call.",
        hypothetical: p => p with
        {
            Task = "If a new graduate on my team were struggling, I would ask my manager to let me mentor her.",
            Action = "I would meet her regularly and ask her to bring one thing she is stuck on, rather than reviewing her work for her. "
                + "I would walk her through the deploy pipeline and show her how rollbacks work, so she is less afraid of breaking production. "
                + "I'd split her next project into small steps, each with a clear test to pass. "
                + "I would review her first design document closely and then step back.",
            Result = "I would expect her to ship on her own within a quarter.",
            Learnings = "I would write the weekly format down as a mentoring checklist for other seniors.",
        });

    public static readonly CalibrationStory Failure = Build(
        "failure (CARL)",
        Layout.CarlLabels,
        new StoryParts(
            Situation: "Last year I led the move of our notification service to a new message queue, and I had promised the product team it would be live before a marketing campaign.",
            Task: "",
            Action: "To hit the date, I skipped the load test I had planned and tested only with normal traffic. "
                + "I wrote the new consumer, set up the queue and switched traffic on a Tuesday morning behind a feature flag so I could switch back. "
                + "When the campaign started, sends jumped to 8 times the usual volume, the consumers fell behind, and I saw the backlog climbing on the dashboard. "
                + "I flipped the flag back within 12 minutes, told the product manager what had happened, and wrote a blameless post-mortem naming my skipped load test as the root cause. "
                + "I then ran the load test I had skipped, found that the consumers were limited by a single database connection, and fixed the pool before switching again a week later.",
            Result: "About 40,000 notifications went out up to 2 hours late, roughly 15 % of that day's sends. "
                + "The second cutover handled 10 times the usual volume with a backlog under 30 seconds, down from 2 hours, and the campaign still hit its sign-up target.",
            Learnings: "I learned that a deadline I set myself is no reason to skip the one test that would have caught the problem. "
                + "Since then the load test is a release gate in my migration plans, and our team's cutover checklist requires one before any traffic switch."),
        weNotI: p => p with
        {
            Action = "To hit the date, we skipped the load test we had planned and tested only with normal traffic. "
                + "We wrote the new consumer, set up the queue and switched traffic on a Tuesday morning behind a feature flag so we could switch back. "
                + "When the campaign started, sends jumped to 8 times the usual volume, the consumers fell behind, and we saw the backlog climbing on the dashboard. "
                + "We flipped the flag back within 12 minutes, told the product manager what had happened, and wrote a blameless post-mortem naming our skipped load test as the root cause. "
                + "We then ran the load test we had skipped, found that the consumers were limited by a single database connection, and fixed the pool before switching again a week later.",
        },
        numbersRemoved: p => p with
        {
            Action = "To hit the date, I skipped the load test I had planned and tested only with normal traffic. "
                + "I wrote the new consumer, set up the queue and switched traffic on a Tuesday morning behind a feature flag so I could switch back. "
                + "When the campaign started, sends jumped far above the usual volume, the consumers fell behind, and I saw the backlog climbing on the dashboard. "
                + "I flipped the flag back quickly, told the product manager what had happened, and wrote a blameless post-mortem naming my skipped load test as the root cause. "
                + "I then ran the load test I had skipped, found that the consumers were limited by a single database connection, and fixed the pool before switching again a week later.",
            Result = "Many notifications went out late, a noticeable share of that day's sends. "
                + "The second cutover handled the peak volume with a much smaller backlog.",
        },
        extraContext: "The notification service sent order updates, password resets and marketing messages for the whole company, and it had run on the old queue for years without anyone touching it. "
            + "The old queue was end-of-life, its vendor had announced the end of support, and the security team had flagged it in two audits in a row. "
            + "Marketing had planned the campaign months ahead with a launch date announced to partners, and the product team wanted the new delivery reports that only the new queue supported. "
            + "My manager was on parental leave at the time, so I was also covering planning meetings, hiring interviews and the team's on-call schedule. "
            + "On top of that, two senior engineers had just left the team, and the rest of us were still learning the parts of the system they had owned.",
        hypothetical: p => p with
        {
            Action = "I would not skip the load test, even under a deadline, and I would test with campaign-level traffic. "
                + "I'd write the new consumer, set up the queue and switch traffic behind a feature flag so I could switch back. "
                + "If the consumers fell behind, I would flip the flag back, tell the product manager and write a blameless post-mortem. "
                + "I would then fix whatever limited the consumers before switching again.",
            Result = "I think the cutover would then go smoothly and the campaign would not be affected.",
            Learnings = "I would make the load test a release gate in migration plans and add it to the team's cutover checklist.",
        });

    public static IReadOnlyList<CalibrationStory> All { get; } = [ReliabilityIncident, Performance, Conflict, Ambiguity, Mentorship, Failure];

    private static CalibrationStory Build(
        string name,
        Layout layout,
        StoryParts strong,
        Func<StoryParts, StoryParts> weNotI,
        Func<StoryParts, StoryParts> numbersRemoved,
        string extraContext,
        Func<StoryParts, StoryParts> hypothetical) => new(
            name,
            layout,
            strong,
            weNotI(strong),
            numbersRemoved(strong),
            strong with { Situation = $"{strong.Situation} {extraContext}" },
            strong with { Learnings = "" },
            hypothetical(strong));
}
