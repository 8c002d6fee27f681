using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Reminders;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace CareerLedger.Web.Pages.Inbox;

/// <summary>
/// <c>/inbox</c>: every reminder the user got, newest first (<c>GET /api/inbox</c>, with <c>?unread=true</c> for unread only), each
/// with where it was delivered; marking one or all read goes through the API's handler (<c>POST /api/inbox/{id}/read</c>,
/// <c>POST /api/inbox/read-all</c>). Reminders cannot be deleted: the inbox is part of the ledger.
/// </summary>
public sealed class IndexModel(CurrentUser me, IQuerySession session, IMessageBus bus) : PageModel
{
    /// <summary>The reminders shown, newest due first.</summary>
    public IReadOnlyList<ReminderView> Reminders { get; private set; } = [];

    /// <summary>How many reminders are unread (whatever the filter).</summary>
    public int UnreadCount { get; private set; }

    /// <summary>How many reminders there are in all.</summary>
    public int TotalCount { get; private set; }

    /// <summary>Whether only unread reminders are shown.</summary>
    public bool UnreadOnly { get; private set; }

    /// <summary>A confirmation after marking read.</summary>
    public string? Notice { get; private set; }

    /// <summary>The user's time zone (due times are shown in it).</summary>
    public TimeZoneInfo Zone => me.TimeZone;

    /// <summary>Shows the inbox.</summary>
    /// <param name="unread">True: unread reminders only.</param>
    /// <param name="marked">After marking read: how many were marked.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task OnGetAsync(bool? unread, int? marked, CancellationToken ct)
    {
        UnreadOnly = unread == true;
        var all = (await RemindersApi.Inbox(null, session, ct)).Value ?? [];
        TotalCount = all.Count;
        UnreadCount = all.Count(r => !r.Read);
        Reminders = UnreadOnly ? (await RemindersApi.Inbox(true, session, ct)).Value ?? [] : all;
        Notice = marked switch
        {
            null => null,
            0 => "Nothing was unread.",
            1 => "Marked 1 reminder read.",
            var n => $"Marked {n} reminders read.",
        };
    }

    /// <summary>Marks one reminder read (<see cref="MarkReminderRead"/>).</summary>
    /// <param name="id">The reminder.</param>
    /// <param name="unread">The filter to go back to.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<IActionResult> OnPostReadAsync(Guid id, bool? unread, CancellationToken ct)
    {
        var result = await RemindersApi.MarkRead(id, me, bus, ct);
        return Site.ApiResults.Value<ReminderView>(result) is null ? NotFound() : Redirect($"/inbox?marked=1{(unread == true ? "&unread=true" : "")}#reminder-{id}");
    }

    /// <summary>Marks every unread reminder read.</summary>
    /// <param name="ct">Cancellation.</param>
    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var marked = await RemindersApi.MarkAllRead(me, session, bus, ct);
        return Redirect($"/inbox?marked={marked.Value}");
    }
}
