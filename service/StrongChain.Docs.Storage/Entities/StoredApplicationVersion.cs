namespace StrongChain.Docs.Storage.Entities;

/// <summary>One submission, kept for ever: the exact bytes with their SHA-256, the record and findings as checked then.</summary>
public sealed class StoredApplicationVersion
{
    public required string ApplicationId { get; set; }
    public int Version { get; set; }
    public required string ReceiptNo { get; set; }
    /// <summary>Lowercase hex SHA-256 of <see cref="Bytes"/>.</summary>
    public required string Sha256 { get; set; }
    public long Size { get; set; }
    /// <summary>The document exactly as received (in the same row, so it commits with the submission or not at all).</summary>
    public required byte[] Bytes { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public required string SubmittedBy { get; set; }
    public required string RecordJson { get; set; }
    public required string FindingsJson { get; set; }
    public bool Complete { get; set; }
    public bool Eligible { get; set; }
    public int ErrorCount { get; set; }
    public int WarningCount { get; set; }
}
