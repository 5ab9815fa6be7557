namespace StrongChain.Docs.Documents.Tests.Support;

/// <summary>WordprocessingML snippets in the shapes Word saves, for test documents.</summary>
public static class Wml
{
    public const string Date = """<w:date w:fullDate="2026-03-01T00:00:00Z"><w:dateFormat w:val="yyyy-MM-dd"/><w:lid w:val="zh-CN"/><w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>""";
    public const string Text = "<w:text/>";
    public const string RichText = "";
    public const string Picture = "<w:picture/>";
    public const string Group = "<w:group/>";
    public const string RepeatingSection = """<w15:repeatingSection><w15:sectionTitle w:val="添加"/></w15:repeatingSection>""";
    public const string RepeatingSectionItem = "<w15:repeatingSectionItem/>";
    public const string Author = """w:author="张三" w:date="2026-03-01T10:00:00Z" """;

    private static int nextId = 1000;

    public static string DropDown(params string[] items) =>
        "<w:dropDownList>" + string.Concat(items.Select(i => $"""<w:listItem w:displayText="{i}" w:value="{i}"/>""")) + "</w:dropDownList>";

    public static string ComboBox(params string[] items) =>
        "<w:comboBox>" + string.Concat(items.Select(i => $"""<w:listItem w:displayText="{i}" w:value="{i}"/>""")) + "</w:comboBox>";

    public static string CheckBox(string? checkedValue) =>
        "<w14:checkbox>"
        + (checkedValue is null ? "" : $"""<w14:checked w14:val="{checkedValue}"/>""")
        + """<w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>""";

    /// <summary>Control properties in Word's order: alias, tag, id, placeholder, showingPlcHdr, type.</summary>
    public static string Props(string? tag, string? alias, string type, bool placeholder = false) =>
        "<w:sdtPr>"
        + (placeholder ? """<w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>""" : "")
        + (alias is null ? "" : $"""<w:alias w:val="{alias}"/>""")
        + (tag is null ? "" : $"""<w:tag w:val="{tag}"/>""")
        + $"""<w:id w:val="{Interlocked.Increment(ref nextId)}"/>"""
        + """<w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013440"/></w:placeholder>"""
        + (placeholder ? "<w:showingPlcHdr/>" : "")
        + """<w15:color w:val="FF0000"/>"""
        + type
        + "</w:sdtPr>";

    public static string Sdt(string props, string content) =>
        $"<w:sdt>{props}<w:sdtContent>{content}</w:sdtContent></w:sdt>";

    /// <summary>A control showing its placeholder prompt in Word's PlaceholderText style.</summary>
    public static string PlaceholderSdt(string? tag, string? alias, string type, string prompt) =>
        Sdt(Props(tag, alias, type, placeholder: true), $"""<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>{prompt}</w:t></w:r>""");

    public static string R(string text, string? rsid = null) =>
        $"""<w:r{(rsid is null ? "" : $" w:rsidR=\"{rsid}\"")}><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>""";

    /// <summary>A run deleted with track changes on, as Word saves it (w:del around the run, w:delText for the text).</summary>
    public static string DeletedR(string text) =>
        $"""<w:del w:id="{Interlocked.Increment(ref nextId)}" {Author}><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>""";

    /// <summary>A paragraph whose mark is a tracked deletion (w:pPr/w:rPr/w:del): Word joins it to the next one.</summary>
    public static string DeletedMarkP(params string[] content) =>
        $"""<w:p w:rsidR="00B71A2C" w:rsidRDefault="00B71A2C"><w:pPr><w:rPr><w:del w:id="{Interlocked.Increment(ref nextId)}" {Author}/></w:rPr></w:pPr>""" + string.Concat(content) + "</w:p>";

    /// <summary>A table row deleted with track changes on (w:trPr/w:del).</summary>
    public static string DeletedTr(params string[] cells) =>
        $"""<w:tr w:rsidR="00C12D3E"><w:trPr><w:trHeight w:val="400"/><w:del w:id="{Interlocked.Increment(ref nextId)}" {Author}/></w:trPr>""" + string.Concat(cells) + "</w:tr>";

    /// <summary>A run formatted hidden (Font, Hidden: w:vanish), shown by Word only with formatting marks on.</summary>
    public static string HiddenR(string text, string? val = null)
    {
        var vanish = val is null ? "<w:vanish/>" : $"""<w:vanish w:val="{val}"/>""";
        return $"""<w:r><w:rPr><w:rFonts w:hint="eastAsia"/>{vanish}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>""";
    }

    public static string P(params string[] content) =>
        """<w:p w:rsidR="00B71A2C" w:rsidRDefault="00B71A2C"><w:pPr><w:jc w:val="left"/></w:pPr>""" + string.Concat(content) + "</w:p>";

    /// <summary>A table cell holding the given content (paragraphs or a cell-level control's cell).</summary>
    public static string Tc(string paragraphs) =>
        $"""<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>{paragraphs}</w:tc>""";

    public static string Tr(params string[] cells) =>
        """<w:tr w:rsidR="00C12D3E"><w:trPr><w:trHeight w:val="400"/></w:trPr>""" + string.Concat(cells) + "</w:tr>";

    public static string Table(params string[] rows) =>
        """<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>"""
        + string.Concat(rows) + "</w:tbl>";

    /// <summary>An inline picture as Word saves one (the image relationship itself is not needed to read).</summary>
    public const string Drawing =
        """<w:r><w:rPr><w:noProof/></w:rPr><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="1080000" cy="1080000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="1" name="图片 1"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="seal.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rId99"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1080000" cy="1080000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>""";
}
