using CareerLedger.Domain.Accomplishments;
using CareerLedger.Domain.Competencies;
using static CareerLedger.Domain.Tests.Support.Make;

namespace CareerLedger.Domain.Tests.Stories;

/// <summary>
/// A year of a senior backend engineer at a payments company (36 accomplishments, 2025-04-02 to 2026-03-02, today 2026-03-10):
/// one company-wide launch measured at peak load, a few large org and multi-team wins, and many small quantified team fixes,
/// the kind that each remove a handful of events or one lock wait.
/// </summary>
internal static class PersonaYear
{
    public const string Launch = "Launched one-click checkout company-wide, measured at the Black Friday peak";
    public const string LockWaitFix = "Removed the lock wait from the nightly ledger export";

    private const string Learned = "Wrote down the check that would have caught it and added it to CI.";

    private static ImpactMetric M(string name, decimal? before, decimal after, string? unit, bool lowerIsBetter) => new(name, before, after, unit, lowerIsBetter);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    public static IReadOnlyList<AccomplishmentDetails> All { get; } =
    [
        // The company-wide launch: big, customer-facing, measured at peak load; no learnings written down yet.
        Details(Launch, D(2025, 11, 28), scope: Scope.Company, involvement: Involvement.Led,
            impact: [M("checkout p99 latency at peak load", 2400, 850, "ms", true), M("checkout conversion at peak", 68.0m, 71.5m, "%", false),
                     M("incremental checkout revenue in the peak week (holdout estimate)", null, 1_200_000, "$", false)],
            competencies: [Competency.Delivery, Competency.CustomerImpact]),
        // The small fix: one lock wait per run, gone.
        Details(LockWaitFix, D(2026, 2, 12), scope: Scope.Team, involvement: Involvement.Drove,
            impact: [M("lock waits per nightly export", 1, 0, "count", true)], learnings: "Added a lock-timeout check to the migration linter.",
            competencies: [Competency.PerformanceCost, Competency.Ownership, Competency.TechnicalDebt]),
        // More small, fully quantified team fixes.
        Details("Fixed the flaky settlement retry test", D(2026, 1, 20), scope: Scope.Team, involvement: Involvement.Drove,
            impact: [M("flaky failures per week", 3, 0, "count", true)], learnings: Learned,
            competencies: [Competency.Reliability, Competency.Ownership, Competency.TechnicalDebt, Competency.Delivery]),
        Details("Cut the admin report query from 4 s to 1.5 s", D(2025, 12, 15), scope: Scope.Team, involvement: Involvement.Drove,
            impact: [M("admin report load time", 4000, 1500, "ms", true)], learnings: Learned,
            competencies: [Competency.PerformanceCost, Competency.Ownership, Competency.TechnicalDebt, Competency.Delivery]),
        Details("Deleted the stale feature flags in the refunds service", D(2025, 10, 2), scope: Scope.Team, involvement: Involvement.Drove,
            impact: [M("stale feature flags", 41, 9, "count", true)], learnings: Learned,
            competencies: [Competency.TechnicalDebt, Competency.Ownership, Competency.Reliability, Competency.Delivery]),
        Details("Removed the duplicate page for the export job", D(2026, 2, 25), scope: Scope.Team, involvement: Involvement.Drove,
            impact: [M("duplicate pages per week", 4, 1, "count", true)], learnings: Learned,
            competencies: [Competency.Reliability, Competency.Ownership, Competency.Communication]),
        Details("Sped up the refunds service's unit tests", D(2025, 9, 10), scope: Scope.Team, involvement: Involvement.Drove,
            impact: [M("refunds test suite duration", 9, 4, "min", true)], learnings: Learned,
            competencies: [Competency.PerformanceCost, Competency.Ownership, Competency.TechnicalDebt, Competency.Delivery]),
        Details("Fixed the time-zone bug in payout statements", D(2025, 8, 20), scope: Scope.Team, involvement: Involvement.Drove,
            impact: [M("payout statements with a wrong date per month", 6, 0, "count", true)], learnings: Learned,
            competencies: [Competency.Ownership, Competency.Reliability, Competency.Delivery, Competency.Ambiguity]),
        Details("Stopped the cron job from sending the daily digest twice", D(2026, 3, 2), scope: Scope.Team, involvement: Involvement.Drove,
            impact: [M("duplicate digest emails per day", 2, 0, "count", true)], learnings: Learned,
            competencies: [Competency.Ownership, Competency.Reliability, Competency.Delivery]),
        // Large org and multi-team wins.
        Details("Drove a payments-wide cloud cost reduction", D(2025, 7, 9), scope: Scope.Org, involvement: Involvement.Drove,
            impact: [M("monthly payments cloud spend", 148_000, 104_000, "$", true)], learnings: "Cost budgets per service, reviewed monthly.",
            competencies: [Competency.PerformanceCost, Competency.DecisionMaking, Competency.Ownership, Competency.Collaboration]),
        Details("Led the Black Friday incident response", D(2025, 11, 29), scope: Scope.MultiTeam, involvement: Involvement.Led,
            impact: [M("checkout error rate during the incident", 9.2m, 0.4m, "%", true), M("time to mitigate a processor outage", 65, 18, "min", true)],
            learnings: "A failover drill every quarter.",
            competencies: [Competency.Reliability, Competency.Leadership, Competency.Communication, Competency.DecisionMaking]),
        Details("Automated daily ledger reconciliation", D(2025, 10, 8), scope: Scope.MultiTeam, involvement: Involvement.Led,
            impact: [M("unexplained ledger mismatches per day", 37, 11, "count", true), M("manual reconciliation effort per month", 60, 8, "h", true)],
            learnings: "Mismatches now page the owning team.", competencies: [Competency.Ownership, Competency.Collaboration, Competency.Reliability]),
        Details("Wrote the idempotency design doc and rolled it out", D(2025, 5, 28), scope: Scope.Org, involvement: Involvement.Drove,
            impact: [M("money-moving services on the shared idempotency contract", 1, 6, "count", false), M("duplicate-charge incidents per half-year", 5, 0, "count", true)],
            learnings: "A contract test every new service inherits.",
            competencies: [Competency.Leadership, Competency.Reliability, Competency.Ownership, Competency.Collaboration]),
        Details("Retired the v1 merchant API", D(2025, 6, 25), scope: Scope.MultiTeam, involvement: Involvement.Led,
            impact: [M("merchants still on the v1 API", 14, 0, "count", true), M("support tickets about the v1 API per week", 9, 1, "count", true)],
            learnings: "Deprecation headers from day one.", competencies: [Competency.TechnicalDebt, Competency.CustomerImpact, Competency.Collaboration]),
        Details("Negotiated the scope of the PSD2 deadline project", D(2025, 9, 1), scope: Scope.MultiTeam, involvement: Involvement.Led,
            impact: [M("eligible EU transactions sent to a 3-D Secure challenge", 64, 41, "%", true)], learnings: "Cut scope early, in writing.",
            competencies: [Competency.Delivery, Competency.DecisionMaking, Competency.CustomerImpact]),
        // Work without metrics, and smaller wins.
        Details("Mentored two new hires through their first on-call", D(2025, 6, 15), scope: Scope.Team, involvement: Involvement.Led,
            learnings: "A shadow rotation before the first solo shift.", competencies: [Competency.Mentorship, Competency.Communication]),
        Details("Presented the tech-debt roadmap at the engineering all-hands", D(2025, 5, 20), scope: Scope.Org, involvement: Involvement.Led,
            competencies: [Competency.TechnicalDebt, Competency.Communication]),
        Details("Resolved the schema ownership dispute with the ledger team", D(2025, 12, 3), scope: Scope.MultiTeam, involvement: Involvement.Drove,
            learnings: "Disagree in a doc, decide in a meeting.", competencies: [Competency.ConflictResolution, Competency.Collaboration]),
        Details("Owned up to the migration that locked the orders table", D(2025, 8, 12), scope: Scope.Team, involvement: Involvement.Drove,
            impact: [M("minutes of write downtime", null, 14, "min", true)], learnings: "Online migrations only.",
            competencies: [Competency.GrowthMindset, Competency.Reliability]),
        Details("Wrote the runbook for processor failover", D(2025, 4, 10), scope: Scope.Team, involvement: Involvement.Led,
            impact: [M("time to fail over to the secondary processor", 18, 4, "min", true)], competencies: [Competency.Reliability, Competency.Communication]),
        Details("Upgraded the payments service to .NET 10", D(2025, 12, 1), scope: Scope.Team, involvement: Involvement.Led,
            impact: [M("container image size", 420, 180, "MB", true)], learnings: "Pinned SDK versions per repository.",
            competencies: [Competency.LearningNewTech, Competency.TechnicalDebt]),
        Details("Added tracing to slow checkout requests", D(2025, 6, 2), scope: Scope.Team, involvement: Involvement.Contributed,
            impact: [M("slow checkout requests with a complete trace", 0, 100, "%", false)], competencies: [Competency.Reliability]),
        Details("Helped the mobile team debug webhook retries", D(2025, 5, 5), scope: Scope.Individual, involvement: Involvement.Contributed,
            competencies: [Competency.Collaboration]),
        Details("Cleaned up the on-call dashboard", D(2025, 9, 25), scope: Scope.Individual, involvement: Involvement.Drove,
            impact: [M("dashboard panels", 48, 20, "count", true)]),
        Details("Reduced Payments API p50 latency", D(2025, 8, 5), scope: Scope.Team, involvement: Involvement.Led,
            impact: [M("Payments API p50 latency", 48, 41, "ms", true)], competencies: [Competency.PerformanceCost]),
        Details("Paired with a junior engineer on the refunds rewrite", D(2025, 11, 5), scope: Scope.Individual, involvement: Involvement.Led,
            learnings: "Let them drive the keyboard.", competencies: [Competency.Mentorship]),
        Details("Interviewed backend candidates", D(2025, 10, 20), scope: Scope.Individual, involvement: Involvement.Contributed,
            impact: [M("interviews run", null, 12, "count", false)], competencies: [Competency.Collaboration]),
        Details("Moved the fraud rules cache to Redis", D(2025, 7, 28), scope: Scope.Team, involvement: Involvement.Led,
            impact: [M("fraud check p95 latency", 120, 35, "ms", true), M("cache misses per minute", 900, 60, "count", true)],
            learnings: "Load-test before the switch, not after.", competencies: [Competency.PerformanceCost, Competency.LearningNewTech]),
        Details("Set up point-in-time recovery for the payments databases", D(2026, 1, 8), scope: Scope.Team, involvement: Involvement.Drove,
            impact: [M("payments databases with point-in-time recovery", 4, 11, "count", false)], learnings: "A restore drill every month.",
            competencies: [Competency.Reliability, Competency.Ownership]),
        Details("Rewrote the merchant balance endpoint", D(2025, 4, 22), scope: Scope.Individual, involvement: Involvement.Drove,
            impact: [M("merchant balance endpoint p95 latency", 880, 95, "ms", true)], competencies: [Competency.PerformanceCost, Competency.CustomerImpact]),
        Details("Ran the payments guild reading group", D(2026, 2, 3), scope: Scope.Org, involvement: Involvement.Led,
            competencies: [Competency.Mentorship, Competency.LearningNewTech]),
        Details("Fixed a memory leak in the webhook worker", D(2025, 4, 2), scope: Scope.Team, involvement: Involvement.Drove,
            impact: [M("webhook worker restarts per day", 6, 0, "count", true)], competencies: [Competency.PerformanceCost, Competency.Reliability]),
        Details("Added a pre-commit secret scanner", D(2025, 7, 15), scope: Scope.Team, involvement: Involvement.Led,
            impact: [M("secrets committed per quarter", 3, 0, "count", true)], competencies: [Competency.Ownership]),
        Details("Documented the ledger event schema", D(2025, 8, 28), scope: Scope.Team, involvement: Involvement.Contributed,
            competencies: [Competency.Communication]),
        Details("Improved the settlement import error messages", D(2026, 1, 28), scope: Scope.Team, involvement: Involvement.Led,
            impact: [M("support escalations about failed imports per month", 10, 3, "count", true)],
            competencies: [Competency.CustomerImpact, Competency.Communication]),
        Details("Evaluated a managed queue instead of Kafka for webhooks", D(2025, 12, 20), scope: Scope.Team, involvement: Involvement.Drove,
            impact: [M("messaging cost", 100, 20, "% of Kafka estimate", true)], learnings: "Price the whole pipeline, not the broker.",
            competencies: [Competency.DecisionMaking, Competency.Ambiguity]),
    ];
}
