namespace StrongChain.Docs.Domain.FilledForms;

/// <summary>The name of the program that saved a document, as a person would recognise it.</summary>
public static class EditorNames
{
    public const string Unknown = "其他软件";
    public const string UnknownEn = "another program";

    /// <summary>Message arguments <c>editor</c> and <c>editorEn</c> for a document saved by <paramref name="application"/>.</summary>
    public static Dictionary<string, string> Args(string? application) => new(StringComparer.Ordinal)
    {
        ["editor"] = Display(application),
        ["editorEn"] = string.IsNullOrWhiteSpace(application) ? UnknownEn : Display(application),
    };

    /// <summary>
    /// docProps/app.xml <c>Application</c> without LibreOffice's build suffix
    /// (<c>LibreOffice/7.4.7.2$Linux_X86_64 …</c> → <c>LibreOffice/7.4.7.2</c>); "其他软件" when the document does not say.
    /// </summary>
    public static string Display(string? application)
    {
        if (string.IsNullOrWhiteSpace(application))
        {
            return Unknown;
        }

        var text = application.Trim();
        var cut = text.IndexOf('$', StringComparison.Ordinal);
        text = cut > 0 ? text[..cut] : text;
        return text.Length > 80 ? text[..80] : text;
    }
}
