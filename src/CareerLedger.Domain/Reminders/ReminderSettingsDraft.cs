using System.Net.Mail;
using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Reminders;

/// <summary>A validated change of reminder settings: null parts are left as they are.</summary>
/// <param name="WinsSlot">New weekly wins slot.</param>
/// <param name="MockEveryDays">New cadence in days (1-14).</param>
/// <param name="MockAt">New local time of the mock-session check.</param>
/// <param name="Quiet">New quiet hours (wrapping a null value: remove them).</param>
/// <param name="Switches">Reminder kinds to switch on (true) or off (false).</param>
/// <param name="Channels">Channels to connect (address) or disconnect (null). Never the inbox.</param>
public sealed record ReminderSettingsChange(
    WeeklySlot? WinsSlot = null, int? MockEveryDays = null, TimeOnly? MockAt = null, Optional<QuietHours?>? Quiet = null,
    IReadOnlyDictionary<ReminderKind, bool>? Switches = null, IReadOnlyDictionary<ChannelKind, string?>? Channels = null);

/// <summary>A value that may be set to null explicitly (distinguishes "remove" from "leave as is").</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="Value">The value, possibly null.</param>
public readonly record struct Optional<T>(T Value);

/// <summary>Unvalidated reminder settings input (the API body and the CLI flags); every part optional.</summary>
/// <param name="WinsDay">monday … sunday (or mon … sun).</param>
/// <param name="WinsAt">HH:mm local.</param>
/// <param name="MockEveryDays">1-14.</param>
/// <param name="MockAt">HH:mm local.</param>
/// <param name="QuietHours">"HH:mm-HH:mm" (may wrap midnight), or "off".</param>
/// <param name="Enable">Reminder kinds to switch on: weekly_wins, mock_session, offer_deadline, quarterly_review.</param>
/// <param name="Disable">Reminder kinds to switch off.</param>
/// <param name="Webhook">An https URL (http only for localhost), or "" / "off" to disconnect.</param>
/// <param name="Email">An e-mail address, or "" / "off" to disconnect.</param>
public sealed record ReminderSettingsDraft(
    string? WinsDay = null, string? WinsAt = null, int? MockEveryDays = null, string? MockAt = null, string? QuietHours = null,
    IReadOnlyList<string>? Enable = null, IReadOnlyList<string>? Disable = null, string? Webhook = null, string? Email = null)
{
    /// <summary>Validates every field at once against <paramref name="current"/> (a day without a time keeps the current time).</summary>
    /// <exception cref="DomainValidationException">Listing every invalid field.</exception>
    public ReminderSettingsChange Validate(ReminderSettings current)
    {
        var errors = new ValidationErrors();
        WeeklySlot? slot = null;
        var day = ParseDay(errors, "winsDay", WinsDay);
        var at = ParseTime(errors, "winsAt", WinsAt);
        if (day is not null || at is not null)
        {
            slot = new WeeklySlot(day ?? current.WinsSlot.Day, at ?? current.WinsSlot.At);
        }

        if (MockEveryDays is < 1 or > 14)
        {
            errors.Add("mockEveryDays", "The mock-session cadence is 1-14 days.");
        }

        var mockAt = ParseTime(errors, "mockAt", MockAt);
        Optional<QuietHours?>? quiet = null;
        if (Text.Clean(QuietHours) is { } q)
        {
            if (q.Equals("off", StringComparison.OrdinalIgnoreCase) || q.Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                quiet = new Optional<QuietHours?>(null);
            }
            else if (q.Split('-', StringSplitOptions.TrimEntries) is [var a, var b] && ParseTime(null, "", a) is { } from && ParseTime(null, "", b) is { } to && from != to)
            {
                quiet = new Optional<QuietHours?>(new QuietHours(from, to));
            }
            else
            {
                errors.Add("quietHours", $"'{q}' is not quiet hours: write HH:mm-HH:mm (e.g. 21:00-08:00) or off.");
            }
        }

        var switches = new Dictionary<ReminderKind, bool>();
        foreach (var (list, on, field) in new[] { (Enable, true, "enable"), (Disable, false, "disable") })
        {
            for (var i = 0; i < (list?.Count ?? 0); i++)
            {
                if (Text.Clean(list![i]) is null)
                {
                    errors.Add($"{field}[{i}]", "Name a reminder: weekly_wins, mock_session, offer_deadline or quarterly_review.");
                    continue;
                }

                var kind = Fields.ParseEnum(errors, $"{field}[{i}]", list[i], ReminderKind.WeeklyWins);
                if (switches.TryGetValue(kind, out var other) && other != on)
                {
                    errors.Add($"{field}[{i}]", $"'{list[i]}' is both enabled and disabled.");
                }

                switches[kind] = on;
            }
        }

        var channels = new Dictionary<ChannelKind, string?>();
        if (Webhook is not null)
        {
            channels[ChannelKind.Webhook] = Off(Webhook) ? null : ValidateWebhook(errors, Webhook.Trim());
        }

        if (Email is not null)
        {
            channels[ChannelKind.Email] = Off(Email) ? null : ValidateEmail(errors, Email.Trim());
        }

        errors.ThrowIfAny();
        return new ReminderSettingsChange(slot, MockEveryDays, mockAt, quiet, switches, channels);
    }

    private static bool Off(string value) => value.Trim() is "" || value.Trim().Equals("off", StringComparison.OrdinalIgnoreCase);

    private static string? ValidateWebhook(ValidationErrors errors, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || url.Length > 500)
        {
            errors.Add("webhook", "The webhook must be an absolute URL of at most 500 characters.");
            return null;
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            errors.Add("webhook", "The webhook must use https (plain http only to localhost).");
            return null;
        }

        return uri.ToString();
    }

    private static string? ValidateEmail(ValidationErrors errors, string address)
    {
        if (address.Length > 254 || !MailAddress.TryCreate(address, out var parsed) || parsed.Address != address || !parsed.Host.Contains('.'))
        {
            errors.Add("email", $"'{address}' is not an e-mail address.");
            return null;
        }

        return parsed.Address;
    }

    private static DayOfWeek? ParseDay(ValidationErrors errors, string field, string? value)
    {
        if (Text.Clean(value) is not { } v)
        {
            return null;
        }

        foreach (var d in Enum.GetValues<DayOfWeek>())
        {
            var name = d.ToString();
            if (v.Equals(name, StringComparison.OrdinalIgnoreCase) || v.Equals(name[..3], StringComparison.OrdinalIgnoreCase))
            {
                return d;
            }
        }

        errors.Add(field, $"'{v}' is not a day of the week (monday … sunday).");
        return null;
    }

    private static TimeOnly? ParseTime(ValidationErrors? errors, string field, string? value)
    {
        if (Text.Clean(value) is not { } v)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(v, ["H:mm", "HH:mm"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t))
        {
            return t;
        }

        errors?.Add(field, $"'{v}' is not a time of day: write HH:mm (24-hour), e.g. 16:00.");
        return null;
    }
}
