using System.Globalization;
using CareerLedger.Domain.Accomplishments;
using CareerLedger.Web.Accomplishments;
using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace CareerLedger.Web.Pages.Wins;

/// <summary>
/// <c>/wins/{id}</c>: one win with every field, its history (the events of <c>GET /api/accomplishments/{id}/history</c>, oldest
/// first), a revise form and a retract button. The revise post carries the version the page was read at and calls
/// <see cref="ReviseAccomplishment"/> with it as the expected version, as <c>PUT /api/accomplishments/{id}</c> does with If-Match:
/// a stale version is a conflict shown with the typed text kept, nothing saved. Another user's id (or an unknown one) is a 404
/// page, because the read goes through the signed-in user's tenant.
/// </summary>
public sealed class DetailModel(CurrentUser me, IMessageBus bus, Marten.IQuerySession session) : PageModel
{
    /// <summary>The win as stored now, or null when there is none with this id for this user.</summary>
    public AccomplishmentView? Win { get; private set; }

    /// <summary>Its history, oldest first, each entry with what changed.</summary>
    public IReadOnlyList<HistoryLine> History { get; private set; } = [];

    /// <summary>The revise form: the stored content, or the text as typed when a post was refused.</summary>
    public WinForm Form { get; private set; } = new();

    /// <summary>The version the revise form carries (the one read, or the one now stored after a conflict).</summary>
    public long FormVersion { get; private set; }

    /// <summary>Set when a revise or retract post met a newer version: the version the user had edited.</summary>
    public long? ConflictedVersion { get; private set; }

    /// <summary>What the last post changed, for the confirmation line ("revised", "unchanged").</summary>
    public string? Saved { get; private set; }

    /// <summary>Shows the win.</summary>
    /// <param name="id">The win.</param>
    /// <param name="saved">"revised" or "unchanged" after a revise post redirected here.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<IActionResult> OnGetAsync(Guid id, string? saved, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFoundPage();
        }

        Form = WinForm.From(Win!);
        FormVersion = Win!.Version;
        Saved = saved is "revised" or "unchanged" ? saved : null;
        return Page();
    }

    /// <summary>Revises the win at the version the form was read at.</summary>
    /// <param name="id">The win.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Form = WinForm.From(Request.Form);
        var read = ReadVersion();
        Accomplishment? doc = null;
        var ok = read is not null && await ModelState.TryAsync(async () =>
        {
            var details = Form.Validate(me.Today);
            doc = await bus.InvokeForUserAsync<Accomplishment?>(me, new ReviseAccomplishment(id, details, Form.Reason, ExpectedVersion.Exactly(read.Value)), ct);
        }, Form.FormKey);
        if (ok && doc is null)
        {
            return NotFoundPage();
        }

        if (ok)
        {
            return Redirect($"/wins/{id}?saved={(doc!.Version == read ? "unchanged" : "revised")}");
        }

        return await RefusedAsync(id, read, ct);
    }

    /// <summary>Retracts the win (after the confirmation step of the page), at the version the page was read at.</summary>
    /// <param name="id">The win.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<IActionResult> OnPostRetractAsync(Guid id, CancellationToken ct)
    {
        var read = ReadVersion();
        var reason = Request.Form["reason"].ToString();
        Accomplishment? doc = null;
        var ok = read is not null && await ModelState.TryAsync(async () =>
            doc = await bus.InvokeForUserAsync<Accomplishment?>(me, new RetractAccomplishment(id, reason, ExpectedVersion.Exactly(read.Value)), ct));
        if (ok && doc is null)
        {
            return NotFoundPage();
        }

        if (ok)
        {
            return Redirect($"/wins?retracted={id}");
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFoundPage();
        }

        Form = WinForm.From(Win!);
        FormVersion = Win!.Version;
        if (read is not null && Win.Version != read)
        {
            ModelState.Clear();
            ModelState.AddModelError(PageErrors.FormKey, string.Create(CultureInfo.InvariantCulture,
                $"This win changed after you opened the page (you read version {read}; it is now at version {Win.Version}), so it was not retracted. Read it again above, and retract it if you still want to."));
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        NoteConflict(read);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>An instant in the user's time zone, e.g. "7 Dec 2026, 14:05".</summary>
    public string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, me.TimeZone).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The user's time zone id.</summary>
    public string ZoneId => me.TimeZone.Id;

    private async Task<IActionResult> RefusedAsync(Guid id, long? read, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFoundPage();
        }

        // The typed text stays in the form. After a conflict the form carries the version now stored, so that saving again is a
        // deliberate replacement of what the page now shows above it, never a silent one.
        FormVersion = read ?? Win!.Version;
        NoteConflict(read);
        Response.StatusCode = ConflictedVersion is null ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict;
        return Page();
    }

    private void NoteConflict(long? read)
    {
        if (read is null)
        {
            ModelState.AddModelError(PageErrors.FormKey, "This form was missing the version it was read at; nothing was saved. Reload the page and make the change again.");
        }
        else if (Win is { } now && now.Version != read)
        {
            // The conflict panel above the form says it all, with what to do on this page: drop the generic message.
            ConflictedVersion = read;
            FormVersion = now.Version;
            ModelState.Remove(PageErrors.FormKey);
        }
    }

    private long? ReadVersion() =>
        long.TryParse(Request.Form["version"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : null;

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Win = ApiResults.Value<AccomplishmentView>(await AccomplishmentsApi.Get(id, session, HttpContext, ct));
        if (Win is null)
        {
            return false;
        }

        History = HistoryLine.From(ApiResults.Value<IReadOnlyList<HistoryEntry>>(await AccomplishmentsApi.History(id, session, ct)) ?? []);
        return true;
    }

    private PageResult NotFoundPage()
    {
        Win = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}

/// <summary>One entry of a win's history, as the detail page shows it.</summary>
/// <param name="Version">The version the event produced (1 = logged).</param>
/// <param name="What">"Logged", "Revised" or "Retracted".</param>
/// <param name="At">When it was recorded (UTC).</param>
/// <param name="Reason">The reason given, if any.</param>
/// <param name="Changes">For a revision, each field that changed, e.g. "Title: “Cut p99” → “Cut checkout p99 in half”".</param>
/// <param name="Title">The title at this version.</param>
public sealed record HistoryLine(long Version, string What, DateTimeOffset At, string? Reason, IReadOnlyList<string> Changes, string Title)
{
    /// <summary>Maps the history endpoint's entries, comparing each revision with the content before it.</summary>
    public static IReadOnlyList<HistoryLine> From(IReadOnlyList<HistoryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var lines = new List<HistoryLine>();
        AccomplishmentDetails? before = null;
        foreach (var e in entries)
        {
            switch (e.Data)
            {
                case AccomplishmentLogged logged:
                    lines.Add(new HistoryLine(e.Version, "Logged", e.RecordedAt, null, [], logged.Details.Title));
                    before = logged.Details;
                    break;
                case AccomplishmentRevised revised:
                    lines.Add(new HistoryLine(e.Version, "Revised", e.RecordedAt, revised.Reason, before is null ? [] : Changed(before, revised.Details), revised.Details.Title));
                    before = revised.Details;
                    break;
                case AccomplishmentRetracted retracted:
                    lines.Add(new HistoryLine(e.Version, "Retracted", e.RecordedAt, retracted.Reason, [], before?.Title ?? ""));
                    break;
                default:
                    lines.Add(new HistoryLine(e.Version, e.Type, e.RecordedAt, null, [], before?.Title ?? ""));
                    break;
            }
        }

        return lines;
    }

    private static List<string> Changed(AccomplishmentDetails a, AccomplishmentDetails b)
    {
        var inv = CultureInfo.InvariantCulture;
        var changes = new List<string>();
        void Text(string label, string? x, string? y)
        {
            if (!string.Equals(x, y, StringComparison.Ordinal))
            {
                changes.Add(x is null ? $"{label} added" : y is null ? $"{label} removed" : x.Length + y.Length <= 160 ? $"{label}: “{x}” → “{y}”" : $"{label} changed");
            }
        }

        Text("Title", a.Title, b.Title);
        if (a.OccurredOn != b.OccurredOn)
        {
            changes.Add($"Date: {a.OccurredOn.ToString("d MMM yyyy", inv)} → {b.OccurredOn.ToString("d MMM yyyy", inv)}");
        }

        if (a.Scope != b.Scope)
        {
            changes.Add($"Scope: {WinText.Scope(a.Scope)} → {WinText.Scope(b.Scope)}");
        }

        if (a.Involvement != b.Involvement)
        {
            changes.Add($"Your part: {WinText.Involvement(a.Involvement)} → {WinText.Involvement(b.Involvement)}");
        }

        Text("Project", a.Project, b.Project);
        var ma = a.Impact.Select(m => m.Describe()).ToList();
        var mb = b.Impact.Select(m => m.Describe()).ToList();
        if (!ma.SequenceEqual(mb, StringComparer.Ordinal))
        {
            changes.Add(mb.Count == 0 ? "Measured results removed" : $"Measured results: {string.Join("; ", mb)}");
        }

        if (!a.Competencies.SequenceEqual(b.Competencies))
        {
            changes.Add(b.Competencies.Count == 0 ? "Competencies removed" : $"Competencies: {string.Join(", ", b.Competencies.Select(Domain.Competencies.CompetencyCatalog.LabelOf))}");
        }

        Text("Details", a.Description, b.Description);
        Text("What you learned", a.Learnings, b.Learnings);
        if (!a.Links.SequenceEqual(b.Links, StringComparer.Ordinal))
        {
            changes.Add("Links changed");
        }

        return changes;
    }
}
