namespace StrongChain.Docs.Signing;

/// <summary>Configuration section <c>Signing</c>: the platform's certificate and an optional RFC 3161 timestamp server.</summary>
public sealed record SigningOptions
{
    public const string Section = "Signing";

    /// <summary>A PKCS#12 (.pfx) file with the private key; empty: a development certificate made once under the data folder.</summary>
    public string? CertificatePath { get; init; }

    public string? CertificatePassword { get; init; }

    /// <summary>An RFC 3161 timestamp server (http or https); empty: no timestamp (PAdES B-B).</summary>
    public string? TimestampUrl { get; init; }

    /// <summary>Who the signature names as the place of signing.</summary>
    public string Location { get; init; } = "Beijing";
}
