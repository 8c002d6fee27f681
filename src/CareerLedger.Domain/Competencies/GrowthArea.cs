namespace CareerLedger.Domain.Competencies;

/// <summary>
/// A competency the user's own feedback or performance review names as something to grow, with where it was said.
/// Used by the story ranking's coverage ("your review asks for mentorship; none of your top stories shows it").
/// </summary>
/// <param name="Competency">The competency to grow.</param>
/// <param name="Source">Where it was said, in words a user recognises, e.g. "your 2026 H1 review (Dana Smith)" or "feedback from your manager on 2026-03-02".</param>
/// <param name="On">The day it was said (user's calendar): the review's period end or the feedback's received date.</param>
public sealed record GrowthArea(Competency Competency, string Source, DateOnly On);
