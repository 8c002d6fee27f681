using System.Globalization;
using System.Text;
using System.Text.Json;
using CareerLedger.Domain.Reminders;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace CareerLedger.Web.Reminders;

/// <summary>SMTP settings (<c>CareerLedger:Smtp</c>); e-mail delivery is off while <see cref="Host"/> is empty.</summary>
public sealed class SmtpOptions
{
    /// <summary>The SMTP server's host name; empty: no e-mail channel.</summary>
    public string? Host { get; set; }

    /// <summary>Port (587 submission with STARTTLS by default; 465 for TLS on connect; 25 or a test port for none).</summary>
    public int Port { get; set; } = 587;

    /// <summary>auto | none | starttls | tls (MailKit's <see cref="SecureSocketOptions"/>: Auto, None, StartTls, SslOnConnect).</summary>
    public string Security { get; set; } = "auto";

    /// <summary>The sender address, e.g. <c>CareerLedger &lt;reminders@example.com&gt;</c>.</summary>
    public string From { get; set; } = "CareerLedger <reminders@localhost>";

    /// <summary>User name for SMTP AUTH, if the server needs it.</summary>
    public string? UserName { get; set; }

    /// <summary>Password for SMTP AUTH.</summary>
    public string? Password { get; set; }

    /// <summary>Whether e-mail can be sent.</summary>
    public bool Configured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>
/// Sends one reminder to one push channel (webhook or e-mail). Returns null when delivered, else the reason (the job records it
/// and Hangfire retries with back-off); never throws for a channel failure, so one channel cannot block another.
/// </summary>
public sealed class ReminderDelivery(IHttpClientFactory http, Microsoft.Extensions.Options.IOptions<SmtpOptions> smtp, TimeProvider clock)
{
    /// <summary>The HTTP client name of webhook calls (10 s timeout).</summary>
    public const string WebhookClient = "reminder-webhooks";

    /// <summary>Header with the Unix time (seconds) the signature covers.</summary>
    public const string TimestampHeader = "X-CareerLedger-Timestamp";

    /// <summary>Header with <c>v1=&lt;hex HMAC-SHA256&gt;</c> (see <see cref="Secrets.Sign"/>).</summary>
    public const string SignatureHeader = "X-CareerLedger-Signature";

    /// <summary>Header with the reminder's id (unique across users): the same on every retry, so a receiver can drop duplicates.</summary>
    public const string DeliveryHeader = "X-CareerLedger-Delivery";

    /// <summary>Delivers <paramref name="reminder"/> over <paramref name="channel"/>.</summary>
    /// <returns>Null when delivered; otherwise a one-line reason.</returns>
    public async Task<string?> SendAsync(Reminder reminder, Channel channel, CancellationToken ct)
    {
        try
        {
            return channel.Kind switch
            {
                ChannelKind.Webhook => await PostAsync(reminder, channel, ct),
                ChannelKind.Email => await MailAsync(reminder, channel, ct),
                _ => null,
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or SmtpCommandException or SmtpProtocolException
                                       or AuthenticationException or System.Net.Sockets.SocketException or SslHandshakeException)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    /// <summary>The webhook body: Slack reads <c>text</c>, Discord <c>content</c>, other receivers the structured fields.</summary>
    public static string WebhookBody(Reminder reminder)
    {
        var n = reminder.Notice;
        var text = $"{n.Title}\n{n.Body}";
        return JsonSerializer.Serialize(new
        {
            text,
            content = text,
            key = n.Key,
            kind = JsonNamingPolicy.SnakeCaseLower.ConvertName(n.Kind.ToString()),
            title = n.Title,
            body = n.Body,
            dueAt = n.DueAt,
            subjectId = n.SubjectId,
        });
    }

    private async Task<string?> PostAsync(Reminder reminder, Channel channel, CancellationToken ct)
    {
        var body = WebhookBody(reminder);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, channel.Address) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SignatureHeader, "v1=" + Secrets.Sign(channel.SigningSecret ?? "", timestamp, body));
        request.Headers.Add(DeliveryHeader, reminder.Id.ToString());
        using var response = await http.CreateClient(WebhookClient).SendAsync(request, ct);
        return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
    }

    private async Task<string?> MailAsync(Reminder reminder, Channel channel, CancellationToken ct)
    {
        var options = smtp.Value;
        if (!options.Configured)
        {
            return "E-mail is not configured on this server (CareerLedger:Smtp:Host is empty).";
        }

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(channel.Address));
        message.Subject = reminder.Notice.Title;
        message.Headers.Add(DeliveryHeader, reminder.Id.ToString());
        message.Body = new TextPart("plain") { Text = reminder.Notice.Body + "\n\n-- \nCareerLedger reminders. Change them with `ledger reminders set`." };
        using var client = new SmtpClient { Timeout = 15_000 };
        var security = options.Security.ToLowerInvariant() switch
        {
            "none" => SecureSocketOptions.None,
            "starttls" => SecureSocketOptions.StartTls,
            "tls" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(options.Host!, options.Port, security, ct);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
        return null;
    }
}
