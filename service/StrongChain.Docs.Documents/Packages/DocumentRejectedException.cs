namespace StrongChain.Docs.Documents.Packages;

/// <summary>
/// An upload that is not a safe, readable .docx. The API maps it to ProblemDetails in one place
/// (<see cref="Code"/> as the problem's <c>code</c>, <see cref="Status"/> as its status).
/// </summary>
public sealed class DocumentRejectedException : Exception
{
    public DocumentRejectedException(string code, int status, string messageZh, string messageEn, Exception? inner = null)
        : base(messageEn, inner)
    {
        Code = code;
        Status = status;
        MessageZh = messageZh;
        MessageEn = messageEn;
    }

    public DocumentRejectedException()
        : this("corrupt", 400, "文件已损坏，请在 Word 中重新保存后上传。", "The file is damaged; save it again in Word and upload it.")
    {
    }

    public DocumentRejectedException(string message)
        : this("corrupt", 400, message, message)
    {
    }

    public DocumentRejectedException(string message, Exception innerException)
        : this("corrupt", 400, message, message, innerException)
    {
    }

    /// <summary>Stable code: empty, not-a-docx, encrypted, legacy-doc, macro-enabled, zip-bomb, xml-dtd, corrupt.</summary>
    public string Code { get; }

    /// <summary>HTTP status the API answers with (400, 413 or 415).</summary>
    public int Status { get; }

    public string MessageZh { get; }

    public string MessageEn { get; }
}
