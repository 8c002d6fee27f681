using JasperFx;
using CareerLedger.Web.Accomplishments;
using CareerLedger.Web.Accounts;
using CareerLedger.Web.Brag;
using CareerLedger.Web.Coaching;
using CareerLedger.Web.Export;
using CareerLedger.Web.Practice;
using CareerLedger.Web.Feedback;
using CareerLedger.Web.Goals;
using CareerLedger.Web.Import;
using CareerLedger.Web.Infrastructure;
using CareerLedger.Web.Offers;
using CareerLedger.Web.Reminders;
using CareerLedger.Web.Reviews;
using CareerLedger.Web.Site;
using CareerLedger.Web.Stories;

var builder = WebApplication.CreateBuilder(args);
builder.AddLedgerServices();
var database = await builder.AddLedgerDatabaseAsync();
builder.AddLedgerHandlers();
builder.AddLedgerJobs();

var app = builder.Build();
if (args is ["codegen", ..])
{
    // Wolverine's handler code: `codegen write` regenerates src/CareerLedger.Web/Internal/Generated (see docs/architecture.md).
    return await app.RunJasperFxCommands(args);
}

_ = app.Services.GetRequiredService<CareerLedger.Domain.Questions.QuestionBank>(); // load and validate the question bank at start-up
app.Lifetime.ApplicationStopped.Register(() => database.DisposeAsync().AsTask().GetAwaiter().GetResult());
// Tables are created or updated by Marten's activator when the host starts (Database.cs); admin commands apply them first.
if (await AdminCommands.TryRunAsync(app, args) is { } exitCode)
{
    await database.DisposeAsync();
    return exitCode;
}

app.UseLedgerPipeline();
app.UseLedgerJobsDashboard();
app.MapAccountsApi();
app.MapAccomplishmentsApi();
app.MapFeedbackApi();
app.MapReviewsApi();
app.MapBragApi();
app.MapStoriesApi();
app.MapImportApi();
app.MapOffersApi();
app.MapNegotiationPlanApi();
app.MapStoryBankApi();
app.MapCoachApi();
app.MapPracticeApi();
app.MapGoalsApi();
app.MapRemindersApi();
app.MapExportApi();
app.MapLedgerSite(); // the web site: GET / and the pages under Pages/, the API explorer at /scalar

await app.RunAsync();
return 0;

/// <summary>The app's entry point (public for WebApplicationFactory in tests).</summary>
public partial class Program;
