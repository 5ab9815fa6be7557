using System.Xml;

namespace StrongChain.Docs.Documents.ContentControls;

/// <summary>
/// The WordprocessingML names the walker looks at, atomised in one reader's name table so that every
/// comparison in the hot loop is a reference comparison.
/// </summary>
/// <remarks>A Strict document (ISO/IEC 29500 Strict, Word's "Strict Open XML Document") uses other namespaces
/// for the same names; a part is one or the other throughout, so the walker takes the set its root uses.</remarks>
internal sealed class WordNames(XmlNameTable table, bool strict)
{
    public const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public const string StrictWordNamespace = "http://purl.oclc.org/ooxml/wordprocessingml/main";

    public string W { get; } = table.Add(strict ? StrictWordNamespace : WordNamespace);
    public string W14 { get; } = table.Add("http://schemas.microsoft.com/office/word/2010/wordml");
    public string W15 { get; } = table.Add("http://schemas.microsoft.com/office/word/2012/wordml");
    public string M { get; } = table.Add(strict ? "http://purl.oclc.org/ooxml/officeDocument/math" : "http://schemas.openxmlformats.org/officeDocument/2006/math");
    public string Mc { get; } = table.Add("http://schemas.openxmlformats.org/markup-compatibility/2006");
    public string Pic { get; } = table.Add(strict ? "http://purl.oclc.org/ooxml/drawingml/picture" : "http://schemas.openxmlformats.org/drawingml/2006/picture");
    public string V { get; } = table.Add("urn:schemas-microsoft-com:vml");
    public string R { get; } = table.Add(strict ? "http://purl.oclc.org/ooxml/officeDocument/relationships" : "http://schemas.openxmlformats.org/officeDocument/2006/relationships");

    // Story content.
    public string P { get; } = table.Add("p");
    public string Run { get; } = table.Add("r");
    public string T { get; } = table.Add("t");
    public string Tab { get; } = table.Add("tab");
    public string PTab { get; } = table.Add("ptab");
    public string Br { get; } = table.Add("br");
    public string Cr { get; } = table.Add("cr");
    public string NoBreakHyphen { get; } = table.Add("noBreakHyphen");
    public string Sym { get; } = table.Add("sym");
    public string FldChar { get; } = table.Add("fldChar");
    public string Sdt { get; } = table.Add("sdt");
    public string SdtPr { get; } = table.Add("sdtPr");
    public string SdtEndPr { get; } = table.Add("sdtEndPr");
    public string SectPr { get; } = table.Add("sectPr");
    public string Tr { get; } = table.Add("tr");
    public string AlternateContent { get; } = table.Add("AlternateContent");
    public string Drawing { get; } = table.Add("drawing");
    public string ImageData { get; } = table.Add("imagedata");

    // Properties read for their flags.
    public string RPr { get; } = table.Add("rPr");
    public string PPr { get; } = table.Add("pPr");
    public string TrPr { get; } = table.Add("trPr");
    public string Del { get; } = table.Add("del");
    public string MoveFrom { get; } = table.Add("moveFrom");
    public string Vanish { get; } = table.Add("vanish");
    public string SpecVanish { get; } = table.Add("specVanish");

    // Never visible: field codes, deleted text, ruby guides, table properties.
    public string InstrText { get; } = table.Add("instrText");
    public string DelInstrText { get; } = table.Add("delInstrText");
    public string DelText { get; } = table.Add("delText");
    public string Rt { get; } = table.Add("rt");
    public string TblPr { get; } = table.Add("tblPr");
    public string TcPr { get; } = table.Add("tcPr");
    public string TblGrid { get; } = table.Add("tblGrid");
    public string TblPrEx { get; } = table.Add("tblPrEx");

    // Attributes.
    public string Val { get; } = table.Add("val");
    public string Char { get; } = table.Add("char");
    public string FldCharType { get; } = table.Add("fldCharType");
    public string Id { get; } = table.Add("id");
    public string HeaderReference { get; } = table.Add("headerReference");
    public string FooterReference { get; } = table.Add("footerReference");

    /// <summary>Elements whose whole subtree holds nothing visible.</summary>
    public bool IsInvisible(string localName) =>
        ReferenceEquals(localName, InstrText) || ReferenceEquals(localName, DelInstrText) || ReferenceEquals(localName, DelText)
        || ReferenceEquals(localName, Del) || ReferenceEquals(localName, MoveFrom) || ReferenceEquals(localName, Rt)
        || ReferenceEquals(localName, SdtEndPr) || ReferenceEquals(localName, TblPr) || ReferenceEquals(localName, TcPr)
        || ReferenceEquals(localName, TblGrid) || ReferenceEquals(localName, TblPrEx);
}
