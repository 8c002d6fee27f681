namespace CareerLedger.EventStore.Schema;

/// <summary>One forward-only schema change. <paramref name="Id"/> is unique and never reused; <paramref name="Sql"/> may use
/// <c>{schema}</c>, replaced by the configured (quoted) schema name.</summary>
/// <param name="Id">Stable id such as <c>0001_events</c>; migrations apply in ordinal order of their ids.</param>
/// <param name="Sql">The DDL to run, in the migration transaction.</param>
public sealed record Migration(string Id, string Sql);
