namespace StrongChain.Docs.Microsoft365;

/// <summary>The <c>Graph</c> settings: off by default (the local folders stand in); see docs/microsoft-365.md.</summary>
public sealed record GraphOptions
{
    public const string Section = "Graph";

    /// <summary>Uploads below this size are one PUT; from it on, an upload session (Graph's limit for a simple upload is 4 MB).</summary>
    public const int SimpleUploadLimit = 4 * 1024 * 1024;

    public bool Enabled { get; init; }

    /// <summary>The Entra tenant (directory) id of the app registration.</summary>
    public string? TenantId { get; init; }

    /// <summary>The app registration's application (client) id.</summary>
    public string? ClientId { get; init; }

    /// <summary><see cref="GraphCredentialKind"/>; when not set: a secret if one is given, else a certificate if one is given, else <c>Default</c>.</summary>
    public GraphCredentialKind Credential { get; init; }

    public string? ClientSecret { get; init; }

    /// <summary>A .pfx (or .p12) with the private key whose certificate is uploaded to the app registration.</summary>
    public string? CertificatePath { get; init; }

    public string? CertificatePassword { get; init; }

    /// <summary>A user-assigned managed identity's client id (empty: the system-assigned identity).</summary>
    public string? ManagedIdentityClientId { get; init; }

    /// <summary>Graph's root, version included (21Vianet: <c>https://microsoftgraph.chinacloudapi.cn/v1.0</c>).</summary>
    public string BaseUrl { get; init; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Where tokens come from (21Vianet: <c>https://login.chinacloudapi.cn/</c>).</summary>
    public string AuthorityHost { get; init; } = "https://login.microsoftonline.com/";

    /// <summary>Submitted forms and their check reports.</summary>
    public GraphLibraryOptions Archive { get; init; } = new();

    /// <summary>Published bulletins.</summary>
    public GraphLibraryOptions Publishing { get; init; } = new();

    /// <summary>The mailbox (user principal name or id) that sends the receipts, e.g. <c>noreply@committee.cn</c>.</summary>
    public string? Mailbox { get; init; }

    /// <summary>Render PDFs with Graph (<c>…/content?format=pdf</c>) instead of LibreOffice; the .docx is put in the archive library's <see cref="PdfFolder"/> for it.</summary>
    public bool RenderPdf { get; init; }

    /// <summary>Folder of the archive library that holds the documents being converted (removed after each conversion).</summary>
    public string PdfFolder { get; init; } = "_pdf-conversion";

    /// <summary>One Graph request's time limit.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Slice of an upload session: a multiple of 320 KiB, as Graph requires (default 10 × 320 KiB).</summary>
    public int UploadSliceBytes { get; init; } = 10 * 320 * 1024;

    /// <summary>The credential kind actually used.</summary>
    public GraphCredentialKind EffectiveCredential => Credential != GraphCredentialKind.Unset ? Credential
        : !string.IsNullOrEmpty(ClientSecret) ? GraphCredentialKind.ClientSecret
        : !string.IsNullOrEmpty(CertificatePath) ? GraphCredentialKind.Certificate
        : GraphCredentialKind.Default;

    /// <summary>What is missing for Graph to work; empty when the settings are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var kind = EffectiveCredential;
        if (kind is GraphCredentialKind.ClientSecret or GraphCredentialKind.Certificate)
        {
            if (string.IsNullOrWhiteSpace(TenantId))
            {
                problems.Add("Graph:TenantId is required.");
            }

            if (string.IsNullOrWhiteSpace(ClientId))
            {
                problems.Add("Graph:ClientId is required.");
            }
        }

        if (kind == GraphCredentialKind.ClientSecret && string.IsNullOrEmpty(ClientSecret))
        {
            problems.Add("Graph:ClientSecret is required for Graph:Credential=ClientSecret.");
        }

        if (kind == GraphCredentialKind.Certificate && string.IsNullOrEmpty(CertificatePath))
        {
            problems.Add("Graph:CertificatePath is required for Graph:Credential=Certificate.");
        }

        if (string.IsNullOrWhiteSpace(Mailbox))
        {
            problems.Add("Graph:Mailbox (the sender of receipts) is required.");
        }

        foreach (var (name, library) in new[] { ("Archive", Archive), ("Publishing", Publishing) })
        {
            if (string.IsNullOrWhiteSpace(library.DriveId) && string.IsNullOrWhiteSpace(library.SiteId))
            {
                problems.Add($"Graph:{name}:DriveId or Graph:{name}:SiteId is required.");
            }
        }

        if (UploadSliceBytes <= 0 || UploadSliceBytes % (320 * 1024) != 0)
        {
            problems.Add("Graph:UploadSliceBytes must be a positive multiple of 327680 (320 KiB).");
        }

        return problems;
    }
}

/// <summary>A document library: a drive id, or a site and the library's name on it; files go under <see cref="Folder"/>.</summary>
public sealed record GraphLibraryOptions
{
    public string? DriveId { get; init; }

    public string? SiteId { get; init; }

    /// <summary>The library's display name on the site (its drive's <c>name</c>); default <c>Documents</c>.</summary>
    public string Library { get; init; } = "Documents";

    /// <summary>Folder inside the library ('' for its root).</summary>
    public string Folder { get; init; } = "";
}

/// <summary>How the service proves who it is to Entra ID (Azure.Identity credentials).</summary>
public enum GraphCredentialKind
{
    Unset,
    ClientSecret,
    Certificate,
    ManagedIdentity,
    /// <summary><c>DefaultAzureCredential</c>: environment, workload identity, managed identity, developer tools.</summary>
    Default,
}
