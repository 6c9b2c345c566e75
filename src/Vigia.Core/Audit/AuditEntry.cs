namespace Vigia.Core.Audit;

public enum AuditAction
{
    Created = 1,
    Updated = 2,
    Deleted = 3,
}

/// <summary>One change to one record, written in the same transaction as the change and chained to the
/// previous entry by <see cref="PreviousHash"/>, so that altering, deleting or inserting rows behind the
/// application's back shows up in <see cref="AuditVerifier"/>.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    /// <summary>Position in the chain: 1, 2, 3… without gaps.</summary>
    public long Sequence { get; set; }
    /// <summary>UTC, truncated to whole microseconds so that both providers return exactly what was hashed.</summary>
    public DateTimeOffset OccurredAt { get; set; }
    public string? UserId { get; set; }
    public required string ActorName { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public AuditAction Action { get; set; }
    /// <summary>JSON object: for each field that changed, <c>{"before": …, "after": …}</c>.</summary>
    public required string Changes { get; set; }
    public string? Reason { get; set; }
    public required string PreviousHash { get; set; }
    /// <summary>The key (<see cref="AuditKeyRing"/>) whose HMAC-SHA-256 is <see cref="Hash"/>; null for entries
    /// written before the chain was keyed, whose hash is plain SHA-256 (scheme v1).</summary>
    public string? KeyId { get; set; }
    /// <summary>HMAC-SHA-256 (or, for unkeyed entries, SHA-256) of this entry's content and <see cref="PreviousHash"/>,
    /// as 64 lower-case hex digits.</summary>
    public required string Hash { get; set; }
}
