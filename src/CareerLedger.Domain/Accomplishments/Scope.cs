namespace CareerLedger.Domain.Accomplishments;

/// <summary>How far an accomplishment's effect reached (docs/domain.md, "Levels": scope grows with level). Stored snake_case.</summary>
public enum Scope
{
    /// <summary>The engineer's own work.</summary>
    Individual,
    /// <summary>One team.</summary>
    Team,
    /// <summary>Several teams (<c>multi_team</c>).</summary>
    MultiTeam,
    /// <summary>The whole engineering organisation.</summary>
    Org,
    /// <summary>The company or its customers at large.</summary>
    Company,
}

/// <summary>The engineer's personal part in an accomplishment. Stored snake_case.</summary>
public enum Involvement
{
    /// <summary>Contributed to work someone else led.</summary>
    Contributed,
    /// <summary>Led the work (owned execution, coordinated others).</summary>
    Led,
    /// <summary>Drove it: saw the problem, made the case, and carried it through.</summary>
    Drove,
}
