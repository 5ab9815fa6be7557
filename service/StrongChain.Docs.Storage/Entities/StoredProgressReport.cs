namespace StrongChain.Docs.Storage.Entities;

/// <summary>
/// The progress reports of one milestone of a consortium (<c>{consortium}-M{n}</c>): the latest version's status and date
/// achieved are kept here, so the dashboard reads one small row per milestone and never the documents.
/// </summary>
public sealed class StoredProgressReport
{
    public required string Id { get; set; }
    public required string ConsortiumId { get; set; }
    public int MilestoneNumber { get; set; }
    public required string RoundId { get; set; }
    public int LatestVersion { get; set; }
    /// <summary>The latest version's date achieved, when it reports the milestone achieved (else null).</summary>
    public DateOnly? AchievedOn { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One uploaded progress report, kept for ever: the exact bytes with their SHA-256, the record and findings as checked then.</summary>
public sealed class StoredProgressReportVersion
{
    public required string ReportId { get; set; }
    public int Version { get; set; }
    /// <summary>Unique across all reports: <c>{consortium}-R001</c>, numbered per consortium.</summary>
    public required string ReceiptNo { get; set; }
    /// <summary>Lowercase hex SHA-256 of <see cref="Bytes"/>.</summary>
    public required string Sha256 { get; set; }
    public long Size { get; set; }
    public required byte[] Bytes { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public required string SubmittedBy { get; set; }
    /// <summary>achieved, partlyAchieved, notAchieved (the record's status), or null.</summary>
    public string? Status { get; set; }
    public DateOnly? AchievedOn { get; set; }
    public required string RecordJson { get; set; }
    public required string FindingsJson { get; set; }
    public int WarningCount { get; set; }
}
