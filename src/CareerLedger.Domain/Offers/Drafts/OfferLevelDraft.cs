namespace CareerLedger.Domain.Offers.Drafts;

/// <summary>Unvalidated level.</summary>
/// <param name="Label">Required: the company's label, e.g. "L5", "E5", "Senior II"; at most 100 characters.</param>
/// <param name="Rank">Required normalised rank 1-10 (4 mid, 5 senior, 6 staff, 7 principal, 8 distinguished).</param>
public sealed record OfferLevelDraft(string? Label, int? Rank);
