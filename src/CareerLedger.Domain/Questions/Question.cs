using CareerLedger.Domain.Competencies;

namespace CareerLedger.Domain.Questions;

/// <summary>
/// One behavioural interview question from the bank (<c>Questions/questions.json</c>), with the competencies it probes, the level
/// its expected answer should show, the company lenses it maps to and the follow-ups an interviewer is likely to ask.
/// </summary>
/// <param name="Id">Stable id, <c>q-NNN-slug</c> (for example <c>q-014-mistake-with-consequences</c>); stories and practice sessions refer to it.</param>
/// <param name="Text">The question as the interviewer would ask it.</param>
/// <param name="Competencies">The 1-3 competencies a good answer evidences, most important first.</param>
/// <param name="Difficulty">How hard it is to answer well.</param>
/// <param name="Level">The level whose scope the question probes (docs/domain.md, "Levels").</param>
/// <param name="Lenses">Company lenses it maps to, in <see cref="CompanyLens"/> order; contains <see cref="CompanyLens.Amazon"/> exactly when <paramref name="AmazonPrinciples"/> is not empty.</param>
/// <param name="AmazonPrinciples">The Amazon Leadership Principles it maps to (empty when it has no Amazon mapping).</param>
/// <param name="FollowUps">2-4 likely follow-up questions.</param>
/// <param name="Kind">Behavioural (default), failure, "tell me about yourself" or closing.</param>
public sealed record Question(
    string Id,
    string Text,
    IReadOnlyList<Competency> Competencies,
    Difficulty Difficulty,
    ProbedLevel Level,
    IReadOnlyList<CompanyLens> Lenses,
    IReadOnlyList<AmazonPrinciple> AmazonPrinciples,
    IReadOnlyList<string> FollowUps,
    InterviewQuestionKind Kind)
{
    /// <summary>Whether the question maps to <paramref name="lens"/>.</summary>
    public bool HasLens(CompanyLens lens) => Lenses.Contains(lens);

    /// <summary>
    /// Flat lens tags for display and search: <c>amazon:customer_obsession</c> per Amazon principle, then the bare name of every
    /// other lens (<c>google</c>, <c>stripe</c>…).
    /// </summary>
    public IReadOnlyList<string> LensTags =>
    [
        .. AmazonPrinciples.Select(p => $"{LensCatalog.NameOf(CompanyLens.Amazon)}:{LensCatalog.NameOf(p)}"),
        .. Lenses.Where(l => l != CompanyLens.Amazon).Select(LensCatalog.NameOf),
    ];
}

/// <summary>How hard a question is to answer well. Stored as <c>easy</c>, <c>medium</c>, <c>hard</c>.</summary>
public enum Difficulty
{
    /// <summary>Most engineers have a story for it.</summary>
    Easy,
    /// <summary>Needs a specific, well-chosen story.</summary>
    Medium,
    /// <summary>Needs a rare story, or exposes the candidate (large scope, failure, strategy).</summary>
    Hard,
}

/// <summary>
/// The level whose scope a question probes (docs/domain.md, "Levels"). Stored as <c>senior</c>, <c>staff</c>, <c>principal</c>.
/// </summary>
public enum ProbedLevel
{
    /// <summary>Senior (L5): one team, a defined problem, features that move metrics.</summary>
    Senior,
    /// <summary>Staff (L6): several teams, a vague problem area, systems other teams build on.</summary>
    Staff,
    /// <summary>Principal (L7): the organisation, multi-year, finding the problem worth solving.</summary>
    Principal,
}

/// <summary>
/// What sort of question it is. Stored as <c>behavioral</c>, <c>failure</c>, <c>tell_me_about_yourself</c>, <c>closing</c>.
/// (Named so as not to clash with the negotiation planner's <c>QuestionKind</c>.)
/// </summary>
public enum InterviewQuestionKind
{
    /// <summary>"Tell me about a time…": the usual behavioural question.</summary>
    Behavioral,
    /// <summary>Asks for a mistake or a failure; a strong answer shows ownership and a learning.</summary>
    Failure,
    /// <summary>The opening "tell me about yourself".</summary>
    TellMeAboutYourself,
    /// <summary>The end of the interview: the candidate's own questions.</summary>
    Closing,
}

/// <summary>
/// A company whose interview values a question maps to (docs/domain.md, "Company lenses"). Stored as <c>amazon</c>, <c>google</c>,
/// <c>meta</c>, <c>apple</c>, <c>netflix</c>, <c>stripe</c>.
/// </summary>
public enum CompanyLens
{
    /// <summary>Amazon: each question maps to Leadership Principles (<see cref="AmazonPrinciple"/>).</summary>
    Amazon,
    /// <summary>Google: cognitive humility, collaboration, comfort with ambiguity.</summary>
    Google,
    /// <summary>Meta: impact and speed, initiative, cross-team work.</summary>
    Meta,
    /// <summary>Apple: craft, attention to detail, working under ambiguity.</summary>
    Apple,
    /// <summary>Netflix: independent judgement, candour, high performance.</summary>
    Netflix,
    /// <summary>Stripe: craftsmanship and rigour, technical taste, user empathy, writing.</summary>
    Stripe,
}

/// <summary>The sixteen Amazon Leadership Principles. Stored as snake_case, e.g. <c>have_backbone_disagree_and_commit</c>.</summary>
public enum AmazonPrinciple
{
    /// <summary>Customer Obsession.</summary>
    CustomerObsession,
    /// <summary>Ownership.</summary>
    Ownership,
    /// <summary>Invent and Simplify.</summary>
    InventAndSimplify,
    /// <summary>Are Right, A Lot.</summary>
    AreRightALot,
    /// <summary>Learn and Be Curious.</summary>
    LearnAndBeCurious,
    /// <summary>Hire and Develop the Best.</summary>
    HireAndDevelopTheBest,
    /// <summary>Insist on the Highest Standards.</summary>
    InsistOnTheHighestStandards,
    /// <summary>Think Big.</summary>
    ThinkBig,
    /// <summary>Bias for Action.</summary>
    BiasForAction,
    /// <summary>Frugality.</summary>
    Frugality,
    /// <summary>Earn Trust.</summary>
    EarnTrust,
    /// <summary>Dive Deep.</summary>
    DiveDeep,
    /// <summary>Have Backbone; Disagree and Commit.</summary>
    HaveBackboneDisagreeAndCommit,
    /// <summary>Deliver Results.</summary>
    DeliverResults,
    /// <summary>Strive to be Earth's Best Employer.</summary>
    StriveToBeEarthsBestEmployer,
    /// <summary>Success and Scale Bring Broad Responsibility.</summary>
    SuccessAndScaleBringBroadResponsibility,
}
