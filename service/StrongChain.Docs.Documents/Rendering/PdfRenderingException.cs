namespace StrongChain.Docs.Documents.Rendering;

/// <summary>Why a .docx could not be turned into a PDF.</summary>
public enum PdfFailure
{
    /// <summary>LibreOffice is not installed (or not where the settings say).</summary>
    Unavailable,

    /// <summary>The conversion took longer than the timeout; its processes were killed.</summary>
    Timeout,

    /// <summary>LibreOffice exited with an error or wrote no valid PDF.</summary>
    Failed,
}

/// <summary>A conversion that gave no PDF; the service answers 503 with a code per <see cref="Failure"/>.</summary>
public sealed class PdfRenderingException(PdfFailure failure, string message) : Exception(message)
{
    public PdfFailure Failure { get; } = failure;
}
