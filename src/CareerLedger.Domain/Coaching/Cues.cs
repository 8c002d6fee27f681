using System.Text.RegularExpressions;

namespace CareerLedger.Domain.Coaching;

/// <summary>
/// The cue word lists of the answer coach, as regular expressions. Every list is documented in docs/coaching.md;
/// change both together. Patterns are written to run in linear time on long input (numbers are anchored so that a
/// run of digits is scanned once), because the coach reads untrusted text of up to <see cref="AnswerCoach.MaxCharacters"/> characters.
/// </summary>
internal static partial class Cues
{
    private const RegexOptions Ci = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const RegexOptions Cs = RegexOptions.CultureInvariant;

    // A number: digits with optional thousands separators and decimals, never starting inside another number or a word ("p99", "v2", "N+1").
    private const string Num = @"(?<![\w.,])(?<!\w\+)\d[\d,]*(?:\.\d+)?";

    private const string Units =
        @"ms|milliseconds?|µs|microseconds?|ns|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?|quarters?|years?"
        + @"|[KMGTP]i?B|rps|qps|tps|req/s|requests?|users?|customers?|clients?|merchants?|accounts?|engineers?|developers?|people|persons?"
        + @"|teams?|services?|microservices?|incidents?|outages?|pages?|alerts?|deploys?|deployments?|releases?|errors?|bugs?|defects?"
        + @"|failures?|tests?|quer(?:y|ies)|calls?|jobs?|builds?|nodes?|servers?|instances?|machines?|pods?|hosts?|clusters?|regions?"
        + @"|countries|markets?|stores?|orders?|transactions?|payments?|events?|messages?|records?|rows?|dollars?|euros?|pounds?|USD|EUR|GBP"
        + @"|points?|nines|dependencies|repos|repositories|files?|steps?|interviews?|hires?|candidates?|mentees?|sessions?|meetings?|sprints?"
        + @"|tables?|endpoints?|features?|experiments?|sign-?ups?|conversions?|escalations?|complaints?|cores?|v?CPUs?|stakeholders?|times"
        + @"|percentiles?|reports?|workflows?|pipelines?|cases?|issues?|tenants?|partners?|vendors?|projects?|products?|apps?|screens?";

    private const string NumberWords =
        @"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a\s+hundred|hundreds\s+of"
        + @"|a\s+thousand|thousands\s+of|a\s+dozen|dozens\s+of|a\s+million|millions\s+of";

    private const string PastIrregular =
        @"built|wrote|rewrote|led|ran|set|made|took|gave|met|found|sent|spent|brought|began|chose|drew|held|kept|put|sat|split|shut"
        + @"|taught|told|went|cut|read|did|got|sought|drove|broke|caught|fought|laid|left|let|paid|said|saw|spoke|stood|threw"
        + @"|understood|won|oversaw|undertook|rebuilt|reran|redid|reset|dug|hit|fed|wound|shook|struck|bought|sold";

    // Past forms ending in -ed that describe a state or a wish rather than an action.
    // "joined" is a state only for joining an organisation ("I joined the company", "joined a small startup"), not "I joined a call".
    // "disagreed", "inherited" and "struggled" describe the setup ("another engineer and I disagreed", "I inherited a service").
    private const string NotActions =
        @"needed|wanted|learned|learnt|liked|loved|hated|seemed|felt|believed|assumed|expected|hoped|worried|feared|used|disagreed|inherited|struggled"
        + @"|joined(?=\s+(?:the|this|that|my|our|their|as)\b|\s+an?\s+(?:\w+\s+){0,3}(?:company|startup|team|firm|group|org|organi[sz]ation|business|bank|agency|department|project|lab)\b)";

    // Verbs of intent that, followed by "to", state the task ("I decided to", "I asked to"), not an action.
    private const string IntentVerbs = @"needed|wanted|set\s+out|volunteered|offered|decided|asked";

    // What may stand before "I" when the speaker is the subject of the main clause: a sequencing word, or one short
    // introductory clause closed by a comma ("Once the queue was moving, I …", "Each Friday I …").
    private const string MainClauseOpener =
        @"(?i:(?:then|first|next|so|finally|later|also|and|after\s+that|at\s+that\s+point)\s+"
        + @"|(?:once|when|while|because|since|before|after|as\s+soon\s+as|with|by|during|over|on|in)\s+[^,.;]{1,80},\s*"
        + @"|(?:each|every|that|the\s+next)\s+\w+(?:\s+\w+)?,?\s+)";

    // "do it differently", "what I would change differently": a reflection, unlike "we saw it differently".
    private const string Differently = @"(?:would|['’]d|do|done|did)\s+(?:\w+\s+){0,3}?differently";

    private const string Adverbs =
        @"then|also|first|quickly|personally|immediately|next|finally|eventually|still|even|carefully|deliberately|directly|myself|jointly|together|later|soon";

    /// <summary>A section label at the start of a line: "Situation:", "S -", "**Task**", "## Action", "Learnings:".</summary>
    [GeneratedRegex(
        @"^[ \t]*(?:\#{1,6}[ \t]*|[-*+•>][ \t]+|\d{1,2}[.)][ \t]+)?(?:\*\*|__)?[ \t]*"
        + @"(?<label>what[ \t]+i[ \t]+learn(?:ed|t)|lessons?[ \t]+learn(?:ed|t)|key[ \t]+learnings?|learnings?|learned|learnt|lessons?|takeaways?"
        + @"|situation|context|background|problem|task|goal|actions?|approach|results?|outcome|impact|[stacrl])"
        + @"(?<close>[ \t]*(?:\*\*|__))?[ \t]*"
        + @"(?(close)(?::[ \t]*(?:\*\*|__)?|[-–—](?=\s|$)|(?=\s|$))|(?::[ \t]*(?:\*\*|__)?|[-–—](?=\s|$)|$))",
        Ci)]
    internal static partial Regex Label();

    /// <summary>A list marker at the start of a line ("- ", "* ", "• ", "1. ").</summary>
    [GeneratedRegex(@"^[ \t]*(?:[-*+•][ \t]+|\d{1,2}[.)][ \t]+)", Cs)]
    internal static partial Regex Bullet();

    /// <summary>End of a sentence: terminal punctuation, optional closing quotes or brackets, then white space.</summary>
    [GeneratedRegex(@"[.!?…]+[""'”’)\]]*(?=\s)", Cs)]
    internal static partial Regex SentenceEnd();

    // ---- section cues (unlabelled prose) ----

    /// <summary>Situation, strong (2 points).</summary>
    [GeneratedRegex(
        @"\b(?:we\s+were|we['’]re|our\s+team|my\s+team|the\s+team\s+(?:was|had)|at\s+the\s+time|the\s+(?:problem|issue|challenge|situation|risk|context)\s+was"
        + @"|back\s+(?:in|then)|when\s+I\s+(?:joined|started|arrived|took\s+over|moved|switched|transferred|came|was\s+promoted|got\s+promoted)|used\s+to|had\s+been|there\s+(?:was|were)"
        + @"|(?:was|were)\s+(?:struggling|failing|growing|stuck|slow|flaky|down|losing|missing|blocked)|kept\s+(?:failing|breaking|timing\s+out|paging|slipping)"
        + @"|(?:was|were)\s+(?!going\b)\w{2,}ing)\b",
        Ci)]
    internal static partial Regex SituationStrong();

    /// <summary>Situation, weak (1 point).</summary>
    [GeneratedRegex(
        @"\b(?:we\s+had|our|the\s+company|every\s+(?:day|week|night|month|release|sprint|quarter)|for\s+(?:months|years|weeks)"
        + @"|last\s+(?:year|quarter|spring|summer|autumn|fall|winter)|in\s+(?:19|20)\d\d)\b",
        Ci)]
    internal static partial Regex SituationWeak();

    /// <summary>Task, strong (3 points).</summary>
    [GeneratedRegex(
        @"\b(?:(?:my|our|the)\s+(?:task|job|goal|mandate|brief|assignment|mission|role|responsibility)\s+(?:was|became)"
        + @"|I\s+was\s+(?:asked|tasked|responsible|given|assigned|brought\s+in|on\s+the\s+hook|expected)"
        + @"|I\s+(?:needed|had|wanted|set\s+out|volunteered|offered|decided|asked)\s+to|it\s+fell\s+to\s+me|I\s+took\s+(?:on|ownership)|I\s+owned"
        + @"|(?:asked|told|tasked)\s+me\s+to)\b",
        Ci)]
    internal static partial Regex TaskStrong();

    /// <summary>Task, weak (2 points).</summary>
    [GeneratedRegex(@"\b(?:we\s+(?:needed|had)\s+to|the\s+(?:goal|deadline|ask|target)|had\s+to\s+be)\b", Ci)]
    internal static partial Regex TaskWeak();

    /// <summary>Action by the speaker: "I" and a past-tense verb (2 points); not in a "when I moved …" time clause, which sets the scene.</summary>
    [GeneratedRegex(@"(?<!\b(?i:when)\s+)\bI\s+(?:(?:" + Adverbs + @")\s+){0,2}(?!(?:" + NotActions + @")\b)(?:\w{2,}ed|" + PastIrregular + @")\b", Cs)]
    internal static partial Regex ActionBySpeaker();

    /// <summary>
    /// The speaker as the subject of the main clause, with a past-tense action verb: "I rolled it back …", "Then I …",
    /// "Once the queue was moving, I wrote …". Not state verbs, and not "I decided/asked/offered … to" (the task).
    /// Group <c>actor</c> is "I" and the verb.
    /// </summary>
    [GeneratedRegex(
        @"^(?:" + MainClauseOpener + @")?(?<actor>I\s+(?:(?:" + Adverbs + @")\s+){0,2}(?!(?:" + NotActions + @")\b)(?!(?:" + IntentVerbs + @")\s+to\b)(?:\w{2,}ed|" + PastIrregular + @"))\b",
        Cs)]
    internal static partial Regex SpeakerMainClause();

    /// <summary>
    /// Where the main clause of a speaker's action sentence ends: punctuation inside the sentence, or a word that opens a
    /// purpose, reason, time or relative clause ("so that", "so", "to" before a verb, "which", "because", "after", …).
    /// A "to" before a figure ("from 2.4 s to 620 ms") does not end it.
    /// </summary>
    [GeneratedRegex(
        @"[,;:—–]|\s(?:so|which|who|because|since|while|until|after|before|when|whenever|once|instead|rather|without|showing|that|(?:in\s+order\s+)?to(?!\s+(?:about\s+|around\s+|roughly\s+|under\s+|below\s+|over\s+|just\s+)?[$€£]?\d))\b",
        Ci)]
    internal static partial Regex ClauseBoundary();

    /// <summary>
    /// A lasting change in how the speaker works, said without "I learned" (3 points for learnings, only after an action):
    /// a sentence opening with "Now" or ending with "now"; "nowadays"; "whenever I … , I …" or "every time …, I …";
    /// "it changed how I …" / "changed the way I …"; "I still / I now" with a present-tense verb; "I always … now";
    /// "that's how I …".
    /// </summary>
    [GeneratedRegex(
        @"^now\b|\bnow[.!?]*$|\bnowadays\b"
        + @"|^(?:whenever|every\s+time|each\s+time|any\s*time)\b[^,.;]{1,120},\s*I\b"
        + @"|\b(?:changed|shaped|reshaped|transformed)\s+(?:how|the\s+way)\s+I\b"
        + @"|\bI\s+(?:still|now)\s+(?!(?:was|were|had|did|knew|felt|thought|remember|remembered|" + PastIrregular + @")\b)(?!\w+ed\b)[a-z]{2,}\b"
        + @"|\bI\s+always\s+(?!(?:was|were|had|did|knew|felt|thought|" + PastIrregular + @")\b)(?!\w+ed\b)[a-z]{2,}\b[^.;]*\bnow\b"
        + @"|\b(?:that['’]s|this\s+is)\s+(?:now\s+|still\s+)?how\s+I\b",
        Ci)]
    internal static partial Regex Habit();

    /// <summary>A past-tense event verb: "-ed" forms and irregular pasts, not the bare "was / were / had" of a description (for narrated consequences).</summary>
    [GeneratedRegex(@"\b(?:\w{3,}ed|went|came|became|fell|rose|grew|stayed|saw|" + PastIrregular + @")\b", Ci)]
    internal static partial Regex PastEvent();

    /// <summary>
    /// The speaker (or the group) as subject with a present-tense verb, at the start of the sentence or after one
    /// introductory clause: "I treat every migration as irreversible", "Now, when a date is fixed, I cut scope". Not modals
    /// ("I would"), not past forms, not "have/has" (a present perfect narrates the past).
    /// </summary>
    [GeneratedRegex(
        @"^(?:[^,.;]{1,80},\s*)?(?:I|[Ww]e)\s+(?:(?:always|now|still|usually|also|never|rarely|often|first|then)\s+)?"
        + @"(?!(?:would|will|could|might|should|can|cannot|must|did|was|were|had|am|are|have|has|" + PastIrregular + @")\b)(?![a-z]+ed\b)[a-z]{2,}\b",
        Cs)]
    internal static partial Regex FirstPersonPresent();

    /// <summary>The speaker or the group as the acting subject: "I" or "we" followed by a past-tense verb, or a sentence that opens with "I" or "we".</summary>
    [GeneratedRegex(@"^(?:I|[Ww]e)\b|\b(?:I|[Ww]e)\s+(?:(?:" + Adverbs + @")\s+){0,2}(?:\w{2,}ed|" + PastIrregular + @")\b", Cs)]
    internal static partial Regex FirstPersonSubject();

    /// <summary>Action by a group: "we" and a past-tense verb (1.5 points).</summary>
    [GeneratedRegex(@"\b[Ww]e\s+(?:(?:" + Adverbs + @")\s+){0,2}(?!(?:" + NotActions + @")\b)(?:\w{2,}ed|" + PastIrregular + @")\b", Cs)]
    internal static partial Regex ActionByGroup();

    /// <summary>Sequencing at the start of a sentence (1 point for action).</summary>
    [GeneratedRegex(@"^(?:first(?:ly)?|then|next|after\s+that|so\s+I|I\s+(?:started|began)\s+by|to\s+(?:fix|do|test|prove|find)\s+(?:it|this|that))\b", Ci)]
    internal static partial Regex Sequencing();

    /// <summary>Result, strong (2 points).</summary>
    [GeneratedRegex(
        @"\b(?:as\s+a\s+result|which\s+meant|that\s+meant|this\s+meant|the\s+(?:result|outcome|impact|upshot|payoff)\s+(?:was|is)|in\s+the\s+end|by\s+the\s+end"
        + @"|overall|afterwards?|after\s+(?:the\s+)?(?:change|launch|rollout|release|fix|migration|switch|cut-?over)"
        + @"|within\s+(?:a|one|two|three|four|six|\d+)\s+(?:days?|weeks?|months?|quarters?)|since\s+(?:launch|the\s+change)"
        + @"|ended\s+up|resulted\s+in|led\s+to|paid\s+off|shipped\s+on\s+time|went\s+live)\b",
        Ci)]
    internal static partial Regex ResultStrong();

    /// <summary>Result verbs (1 point).</summary>
    [GeneratedRegex(
        @"\b(?:reduced|increased|cut|dropped|fell|rose|improved|saved|grew|doubled|halved|tripled|decreased|lowered|raised|shrank"
        + @"|eliminated|went\s+(?:from|down|up)|down\s+from|up\s+from|no\s+longer)\b",
        Ci)]
    internal static partial Regex ResultVerb();

    /// <summary>Learning (3 points): a stated lesson, or a change that outlived the story.</summary>
    [GeneratedRegex(
        @"\b(?:I\s+(?:learned|learnt)|I['’]ve\s+(?:learned|learnt)|(?:I|we)\s+should\s+have|taught\s+me|showed\s+me|lessons?|takeaways?|since\s+then|from\s+then\s+on|ever\s+since"
        + @"|going\s+forward|from\s+now\s+on|now\s+(?:we|I|every|each|all|the|our|any|new|she|he|they)|today\s+(?:we|I|every|the|our)|these\s+days"
        + @"|next\s+time|in\s+hindsight|looking\s+back|" + Differently + @"|if\s+I\s+did\s+it\s+again|I\s+now|we\s+now|still\s+(?:use|uses|used|in\s+use|runs|run)"
        + @"|became\s+(?:the|our|a)\s+(?:default|standard|template|norm))\b",
        Ci)]
    internal static partial Regex Learning();

    /// <summary>A durable mechanism (1 point for learnings; also the learning dimension's mechanism).</summary>
    [GeneratedRegex(
        @"\b(?:(?:unit|integration|load|regression|contract|canary|smoke|chaos|property)[\s-]tests?|tests?|CI\s+(?:checks?|gates?|steps?|jobs?)|CI"
        + @"|lint(?:er)?\s+rules?|linters?|runbooks?|playbooks?|ADRs?|(?:architecture\s+)?decision\s+records?|dashboards?|alerts?|alerting"
        + @"|polic(?:y|ies)|checklists?|templates?|guidelines?|post-?mortems?|SLOs?|error\s+budgets?|guardrails?|pre-?commit\s+hooks?"
        + @"|style\s+guides?|onboarding\s+(?:guides?|docs?)|design\s+reviews?|kill\s+switch(?:es)?|circuit\s+breakers?|rate\s+limits?)\b",
        Ci)]
    internal static partial Regex Mechanism();

    // ---- hypothetical ----

    /// <summary>
    /// "I would", "I'd", "we will", "I could", "I should" as the main clause: at the start of a sentence or after a comma,
    /// "and", "then" and similar; not "would have" (a past counterfactual) and not "I'd" meaning "I had".
    /// </summary>
    [GeneratedRegex(
        @"(?:^|[,;:]\s*|\b(?i:and|then|but|first|next|after\s+that|also|here|honestly|probably|think|guess|case)\s+)(?:I|we|We)\s*"
        + @"(?:would|will|could|might|should|(?<d>['’]d)|['’]ll)\b"
        + @"(?!\s+(?:have|not\s+have|already|just|never|been|had|ever)\b)"
        + @"(?(d)(?!\s+(?:\w+ed|built|written|done|gone|seen|taken|made|run|led|spent|found|got|gotten|brought|given|known)\b))",
        Cs)]
    internal static partial Regex Hypothetical();

    /// <summary>Other hypothetical openers: "if I were", "my approach would be", "I'm going to", "I plan to".</summary>
    [GeneratedRegex(
        @"\b(?:if\s+I\s+were|(?:my|our)\s+(?:approach|plan|first\s+step|strategy|job|goal|role|priority)\s+would|I['’]m\s+going\s+to|I\s+plan\s+to)\b",
        Ci)]
    internal static partial Regex HypotheticalOpener();

    /// <summary>A reflection ("next time", "in hindsight"): "I would" here is a learning, not a hypothetical answer.</summary>
    [GeneratedRegex(
        @"\b(?:next\s+time|in\s+hindsight|looking\s+back|" + Differently + @"|if\s+I\s+(?:did|had|were\s+to\s+do)\s+it\s+again|lessons?|learned|learnt"
        + @"|going\s+forward|from\s+now\s+on|since\s+then)\b",
        Ci)]
    internal static partial Regex Reflection();

    /// <summary>Past habit ("Before, we would…", "every Friday we would…"): narration, not a hypothetical. "before the sale" alone is not a habit.</summary>
    [GeneratedRegex(
        @"^before\b|\bbefore\s+(?:that|then|this|the\s+change|the\s+fix)\b|\b(?:previously|back\s+then|at\s+the\s+time|in\s+the\s+past|used\s+to|whenever"
        + @"|(?:every|each)\s+(?:day|week|month|quarter|sprint|release|morning|evening|night|time|(?:mon|tues|wednes|thurs|fri|satur|sun)day))\b",
        Ci)]
    internal static partial Regex PastHabit();

    // ---- quantities ----

    /// <summary>
    /// A quantity: money, a percentage, a multiplier, a number with a unit or counted noun (one word may stand between,
    /// "14 broken deploys", unless the number is a year), a large number ("40k").
    /// </summary>
    [GeneratedRegex(
        @"[$€£]\s?" + Num + @"(?:\s?(?:k|K|m|M|mm|bn|B|million|billion|thousand)\b)?"
        + @"|" + Num + @"\s?(?:%|percent\b|per\s?cent\b|pp\b|percentage\s+points?\b)"
        + @"|" + Num + @"\s?[x×](?!\w)"
        + @"|\b(?:doubled|tripled|quadrupled|halved|tenfold|\d+-fold)\b"
        + @"|" + Num + @"(?:\s?(?:k|K|m|M|bn))?(?:\s|-)?(?:" + Units + @")\b"
        + @"|(?<![\w.,])(?!(?:19|20)\d\d\b)\d[\d,]*\s+[a-z]{3,}\s+(?:" + Units + @")\b"
        + @"|\b(?:" + NumberWords + @")[\s-](?:" + Units + @")\b"
        + @"|" + Num + @"\s?(?:k|K|m|M|bn)\b"
        + @"|\bfrom\s+" + Num + @"\s+(?:down\s+|up\s+)?to\s+" + Num,
        Ci)]
    internal static partial Regex Quantity();

    /// <summary>A comparison with a baseline: "from X to Y", "down from", "by 40 %", "3x faster", "halved", "compared with".</summary>
    [GeneratedRegex(
        @"\bfrom\s+(?:about\s+|around\s+|roughly\s+|over\s+|under\s+|nearly\s+)?[$€£]?\d[^;]{0,40}?\bto\s+(?:about\s+|around\s+|roughly\s+|under\s+|below\s+|over\s+|just\s+)?[$€£]?\d"
        + @"|\b(?:down|up)\s+from\b"
        + @"|\b(?:by|of)\s+(?:about\s+|around\s+|roughly\s+|over\s+|nearly\s+|almost\s+)?" + Num + @"\s?(?:%|percent\b|[x×](?!\w)|pp\b)"
        + @"|" + Num + @"\s?(?:%|[x×])\s+(?:faster|slower|cheaper|fewer|less|more|lower|higher|smaller|bigger|reduction|increase|drop|decrease|improvement|cut)\b"
        + @"|\b(?:two|three|four|five|ten)\s+times\s+(?:faster|cheaper|fewer|less|more|lower|higher|smaller)\b"
        + @"|\b(?:doubled|tripled|quadrupled|halved|tenfold)\b"
        + @"|\b(?:compared\s+(?:to|with)|versus|baseline|before\s+the\s+(?:change|fix|migration))\b",
        Ci)]
    internal static partial Regex Comparison();

    /// <summary>An unquantified claim of improvement ("significantly", "a lot faster").</summary>
    [GeneratedRegex(
        @"\b(?:significantly|a\s+lot|much\s+(?:faster|better|quicker|cheaper|more|less|fewer|smoother|happier|safer)|dramatically|greatly|hugely"
        + @"|massively|drastically|noticeably|considerably|substantially|tremendously|way\s+(?:faster|better|more|less)|huge|massive"
        + @"|big\s+(?:win|improvement|impact))\b",
        Ci)]
    internal static partial Regex VagueClaim();

    // ---- ownership ----

    /// <summary>Speaker pronouns, case-sensitive so that "US" is not "us": subject and object forms.</summary>
    [GeneratedRegex(@"\b(?:I(?!/)|i(?![.\w])|me|Me|myself|Myself)\b", Cs)]
    internal static partial Regex Singular();

    /// <summary>Speaker possessives (count half).</summary>
    [GeneratedRegex(@"\b(?:my|My|mine|Mine)\b", Cs)]
    internal static partial Regex SingularPossessive();

    /// <summary>Group pronouns: subject and object forms.</summary>
    [GeneratedRegex(@"\b(?:we|We|WE|us|Us|ourselves|Ourselves)\b", Cs)]
    internal static partial Regex Plural();

    /// <summary>Group possessives (count half).</summary>
    [GeneratedRegex(@"\b(?:our|Our|ours|Ours)\b", Cs)]
    internal static partial Regex PluralPossessive();

    // ---- concreteness and delivery ----

    /// <summary>Vague action verbs.</summary>
    [GeneratedRegex(
        @"\b(?:worked\s+on|helped\s+(?:with|out|on)|(?:was|were)\s+involved\s+in|got\s+involved|handled|dealt\s+with|took\s+care\s+of|looked\s+into"
        + @"|did\s+some|made\s+(?:it|things|everything)\s+better|improved\s+things|fixed\s+(?:it|things|stuff|everything)\b(?!\s+by)"
        + @"|built\s+(?:it\s+)?and\s+shipped\s+it|contributed\s+to|participated\s+in|(?:was|were)\s+part\s+of|various\s+\w+|some\s+stuff|and\s+stuff"
        + @"|(?:a\s+)?bunch\s+of\s+(?:things|stuff)|supported\s+the\s+(?:team|effort|project))\b",
        Ci)]
    internal static partial Regex VagueAction();

    /// <summary>
    /// Filler words. "like" only when a comma follows it ("like, the queue"); "kind of" and "sort of" not after a determiner
    /// ("what kind of data" is not filler).
    /// </summary>
    [GeneratedRegex(
        @"\b(?:u+m+|u+h+|erm|er|hmm+|you\s+know|I\s+mean|basically|actually|literally)\b"
        + @"|\blike(?=\s*,)"
        + @"|(?<!\b(?:what|which|this|that|a|the|any|some|every|one|same|different|each|another)\s+)\b(?:kind|sort)\s+of\b",
        Ci)]
    internal static partial Regex Filler();

    /// <summary>Vanity metrics: activity and effort counted instead of impact.</summary>
    [GeneratedRegex(
        @"\blines\s+of\s+code\b|\b(?-i:LOC)\b"
        + @"|" + Num + @"\+?\s?(?:k\s+)?(?:commits|PRs|pull\s+requests|tickets|story\s+points)\b"
        + @"|\b(?:tickets|PRs|pull\s+requests|issues|commits)\s+(?:closed|merged|resolved|pushed)\b"
        + @"|\b(?:closed|merged|resolved|pushed)\s+(?:over\s+)?(?:" + Num + @"|dozens\s+of|hundreds\s+of)\s+(?:tickets|PRs|pull\s+requests|issues|commits)\b"
        + @"|\bhours\s+worked\b|\bworked\s+(?:\d+|\w+ty)[-\s]hours?\b|" + Num + @"[-\s]hour\s+(?:weeks|days)\b|\ball-nighters?\b"
        + @"|\bworked\s+(?:every|all|through\s+the)\s+(?:weekends?|nights?)\b",
        Ci)]
    internal static partial Regex Vanity();

    /// <summary>Blame: faulting people or other teams.</summary>
    [GeneratedRegex(
        @"\b(?:(?:their|his|her)\s+fault|not\s+my\s+fault|(?:wasn['’]t|was\s+not)\s+my\s+fault|because\s+of\s+them|dropped\s+the\s+ball|incompetent"
        + @"|under\s+the\s+bus|(?:was|were)\s+to\s+blame|failed\s+us|let\s+us\s+down"
        + @"|(?:the\s+other\s+teams?|the\s+ops\s+team|the\s+vendor|QA|management|my\s+(?:manager|lead|boss))\s+(?:failed|didn['’]t|did\s+not|never|refused|ignored|messed\s+up|screwed\s+up))\b",
        Ci)]
    internal static partial Regex Blame();
}
