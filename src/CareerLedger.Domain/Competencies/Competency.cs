namespace CareerLedger.Domain.Competencies;

/// <summary>
/// The behaviours interviewers and promotion committees look for (docs/domain.md, "Competencies").
/// Stored and sent as snake_case names (for example <c>conflict_resolution</c>).
/// </summary>
public enum Competency
{
    /// <summary>Initiative and ownership: taking a problem on without being asked and seeing it through.</summary>
    Ownership,
    /// <summary>Handling ambiguity: making progress when the problem or the goal is unclear.</summary>
    Ambiguity,
    /// <summary>Perseverance: sticking with a hard problem through setbacks.</summary>
    Perseverance,
    /// <summary>Conflict resolution: disagreeing well with a peer or manager, disagree-and-commit.</summary>
    ConflictResolution,
    /// <summary>Growth mindset: giving and receiving feedback, owning mistakes and failures.</summary>
    GrowthMindset,
    /// <summary>Communication: writing, explaining to non-engineers, knowing when to escalate.</summary>
    Communication,
    /// <summary>Leadership without authority and influence.</summary>
    Leadership,
    /// <summary>Mentorship and knowledge sharing.</summary>
    Mentorship,
    /// <summary>Delivery under deadlines and scope negotiation.</summary>
    Delivery,
    /// <summary>Decision-making with incomplete data and explicit trade-offs.</summary>
    DecisionMaking,
    /// <summary>Customer and business impact.</summary>
    CustomerImpact,
    /// <summary>Reliability and incident handling.</summary>
    Reliability,
    /// <summary>Performance and cost.</summary>
    PerformanceCost,
    /// <summary>Technical debt: paying it down deliberately.</summary>
    TechnicalDebt,
    /// <summary>Learning new technology quickly.</summary>
    LearningNewTech,
    /// <summary>Cross-team collaboration.</summary>
    Collaboration,
    /// <summary>Likeability and rapport.</summary>
    Rapport,
}
