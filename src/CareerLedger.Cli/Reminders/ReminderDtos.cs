namespace CareerLedger.Cli.Reminders;

// Response shapes of the goal and reminder endpoints (only the fields the CLI shows or round-trips).

internal sealed record InterviewDto(string On, string Company, string? Stage);

internal sealed record GoalDto(
    Guid Id, long Version, string Kind, string Title, string? TargetLevel, string? TargetDate, IReadOnlyList<string> TargetCompanies,
    IReadOnlyList<InterviewDto> Interviews, string Status, string? ClosedOn, string? ClosingNote, InterviewDto? NextInterview);

internal sealed record ChannelDto(string Kind, string? Address, string? SigningSecret);

internal sealed record ReminderSettingsDto(
    long Version, string WinsDay, string WinsAt, int MockEveryDays, string MockAt, string? QuietHours, string TimeZone,
    IReadOnlyDictionary<string, bool> Enabled, IReadOnlyList<ChannelDto> Channels, bool CalendarFeed, DateTimeOffset? NextWeeklyWins);

internal sealed record DeliveryDto(string Channel, string State, int Attempts, string? LastError);

internal sealed record ReminderDto(Guid Id, string Key, string Kind, string Title, string Body, DateTimeOffset DueAt, Guid? SubjectId, bool Read, IReadOnlyList<DeliveryDto> Deliveries);

internal sealed record WeekStreakDto(int Current, string? CurrentSince, int Longest);

internal sealed record StreakDto(string ThisWeek, bool LoggedThisWeek, WeekStreakDto Activity, WeekStreakDto Logging, string Explanation);

internal sealed record CalendarFeedDto(string Url);
