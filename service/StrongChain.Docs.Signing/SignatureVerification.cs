namespace StrongChain.Docs.Signing;

/// <summary>The distinct answers of a verification.</summary>
public enum SignatureOutcome
{
    /// <summary>Signed by the platform's certificate and unchanged since.</summary>
    Valid,

    /// <summary>The signature no longer matches the bytes, or bytes were added after the signed range.</summary>
    Altered,

    /// <summary>No signature in the file.</summary>
    NotSigned,

    /// <summary>A signature that matches the bytes, made with another certificate than the platform's.</summary>
    OtherSigner,

    /// <summary>A signature field whose contents cannot be read as CMS.</summary>
    Malformed,
}

/// <summary>What a verification found: the outcome and, where there is a signature, who signed, when and for which agreement.</summary>
public sealed record SignatureVerification(
    SignatureOutcome Outcome,
    string? Signer,
    DateTimeOffset? SignedAt,
    string? AgreementId,
    string? DocxSha256,
    string? SubFilter,
    bool Timestamped)
{
    public bool Valid => Outcome == SignatureOutcome.Valid;

    public static SignatureVerification Of(SignatureOutcome outcome) => new(outcome, null, null, null, null, null, false);
}
