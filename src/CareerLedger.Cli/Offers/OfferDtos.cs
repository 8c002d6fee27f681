namespace CareerLedger.Cli.Offers;

// Response shapes of the offers API (only the fields the CLI shows; enums arrive as snake_case strings, dates as yyyy-MM-dd).

internal sealed record OfferViewDto(long Version, OfferDto Offer);

internal sealed record OfferDto(
    Guid Id, string Stage, string Status, string ReceivedOn, OfferTermsDto Terms, IReadOnlyList<CounterDto>? Counters, string? Deadline, string? ClosedOn);

internal sealed record OfferTermsDto(string Company, string Role, OfferLevelDto Level, string Currency, decimal BaseSalary);

internal sealed record OfferLevelDto(string Label, int Rank);

internal sealed record CounterDto(string SentOn, IReadOnlyList<CounterAskDto> Asks, string? Note);

internal sealed record CounterAskDto(string Component, decimal? Amount, string? Text);

internal sealed record OfferComparisonDto(string Currency, int Years, IReadOnlyList<ComparedOfferDto> Offers);

internal sealed record ComparedOfferDto(Guid OfferId, string Company, CompensationDto Compensation);

internal sealed record CompensationDto(string Currency, decimal FourYearTotal, decimal AverageAnnual, decimal FirstYearTotal);

internal sealed record OfferTimelineDto(Guid OfferId, string Company, IReadOnlyList<TimelineEntryDto> Entries);

internal sealed record TimelineEntryDto(string? On, DateTimeOffset RecordedAt, string Kind, string Summary);
