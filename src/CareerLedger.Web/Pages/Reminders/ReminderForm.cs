using System.Globalization;
using CareerLedger.Domain.Common;
using CareerLedger.Domain.Reminders;
using CareerLedger.Web.Reminders;

namespace CareerLedger.Web.Pages.Reminders;

/// <summary>
/// The reminder settings form as typed, under the API's field names (<c>winsDay</c>, <c>winsAt</c>, <c>mockEveryDays</c>,
/// <c>mockAt</c>, <c>quietHours</c>, <c>webhook</c>, <c>email</c>; the ticked kinds become the API's <c>enable</c> and the others
/// its <c>disable</c>), so that <see cref="ReminderSettingsDraft.Validate"/>'s messages land next to their inputs and a refused post
/// shows everything as it was typed.
/// </summary>
public sealed class ReminderForm
{
    /// <summary>monday … sunday.</summary>
    public string? WinsDay { get; set; }

    /// <summary>HH:mm, local.</summary>
    public string? WinsAt { get; set; }

    /// <summary>Days between mock sessions, as typed (1-14).</summary>
    public string? MockEveryDays { get; set; }

    /// <summary>HH:mm, local.</summary>
    public string? MockAt { get; set; }

    /// <summary>HH:mm-HH:mm, or off.</summary>
    public string? QuietHours { get; set; }

    /// <summary>The reminder kinds ticked (snake_case).</summary>
    public IReadOnlyList<string> Enabled { get; set; } = [];

    /// <summary>Webhook URL as typed; empty: none.</summary>
    public string? Webhook { get; set; }

    /// <summary>E-mail address as typed; empty: none.</summary>
    public string? Email { get; set; }

    /// <summary>The form of the current settings.</summary>
    public static ReminderForm From(ReminderSettingsView s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new ReminderForm
        {
            WinsDay = s.WinsDay,
            WinsAt = s.WinsAt,
            MockEveryDays = s.MockEveryDays.ToString(CultureInfo.InvariantCulture),
            MockAt = s.MockAt,
            QuietHours = s.QuietHours ?? "off",
            Enabled = s.Enabled.Where(e => e.Value).Select(e => e.Key).ToList(),
            Webhook = s.Channels.FirstOrDefault(c => c.Kind == "webhook")?.Address,
            Email = s.Channels.FirstOrDefault(c => c.Kind == "email")?.Address,
        };
    }

    /// <summary>Reads the posted form.</summary>
    public static ReminderForm From(Microsoft.AspNetCore.Http.IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string? F(string key) => form.TryGetValue(key, out var v) ? v.ToString() : null;
        return new ReminderForm
        {
            WinsDay = F("winsDay"),
            WinsAt = F("winsAt"),
            MockEveryDays = F("mockEveryDays"),
            MockAt = F("mockAt"),
            QuietHours = F("quietHours"),
            Enabled = form["enabled"].Where(e => !string.IsNullOrEmpty(e)).Select(e => e!).ToList(),
            Webhook = F("webhook"),
            Email = F("email"),
        };
    }

    /// <summary>
    /// The API's body for this form: every field sent (an empty webhook or e-mail disconnects it; an unchanged value appends
    /// nothing), with a cadence that is not a whole number kept as the form's own error.
    /// </summary>
    /// <param name="own">Receives the form's own errors.</param>
    public ReminderSettingsDraft ToDraft(ValidationErrors own)
    {
        ArgumentNullException.ThrowIfNull(own);
        int? every = null;
        if (!string.IsNullOrWhiteSpace(MockEveryDays))
        {
            if (int.TryParse(MockEveryDays.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                every = n;
            }
            else
            {
                own.Add("mockEveryDays", $"'{MockEveryDays}' is not a whole number of days: the mock-session cadence is 1-14 days.");
            }
        }

        var names = ReminderText.Kinds.Select(k => k.Name).ToList();
        return new ReminderSettingsDraft(
            WinsDay, WinsAt, every, MockAt, QuietHours,
            Enable: Enabled.ToList(), Disable: names.Where(n => !Enabled.Contains(n)).ToList(),
            Webhook: Webhook ?? "", Email: Email ?? "");
    }

    /// <summary>The form key of an API error key: the switches' <c>enable[i]</c> and <c>disable[i]</c> are the one set of check boxes.</summary>
    public static string FormKey(string apiKey) =>
        apiKey is not null && (apiKey.StartsWith("enable", StringComparison.Ordinal) || apiKey.StartsWith("disable", StringComparison.Ordinal)) ? "enabled" : apiKey!;
}
