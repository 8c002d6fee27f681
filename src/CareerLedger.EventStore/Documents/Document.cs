namespace CareerLedger.EventStore.Documents;

/// <summary>A stored read-model document.</summary>
/// <typeparam name="T">The document's CLR type.</typeparam>
/// <param name="Id">Its id within the tenant (single-stream projections use the stream id).</param>
/// <param name="Data">The document.</param>
/// <param name="Version">For single-stream projections, the version of the last event applied (usable as an ETag).</param>
/// <param name="LastModified">When it was last written (UTC).</param>
public sealed record Document<T>(string Id, T Data, long Version, DateTimeOffset LastModified);
