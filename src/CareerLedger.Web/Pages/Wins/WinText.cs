using CareerLedger.Domain.Accomplishments;

namespace CareerLedger.Web.Pages.Wins;

/// <summary>How the win pages word a win's scope and the user's part (the same labels as the win form).</summary>
public static class WinText
{
    /// <summary>"Individual", "Team", "Several teams", "Engineering org" or "Company".</summary>
    public static string Scope(Scope scope) => scope switch
    {
        Domain.Accomplishments.Scope.Individual => "Individual",
        Domain.Accomplishments.Scope.Team => "Team",
        Domain.Accomplishments.Scope.MultiTeam => "Several teams",
        Domain.Accomplishments.Scope.Org => "Engineering org",
        _ => "Company",
    };

    /// <summary>"Contributed", "Led" or "Drove".</summary>
    public static string Involvement(Involvement involvement) => involvement switch
    {
        Domain.Accomplishments.Involvement.Contributed => "Contributed",
        Domain.Accomplishments.Involvement.Led => "Led",
        _ => "Drove",
    };
}
