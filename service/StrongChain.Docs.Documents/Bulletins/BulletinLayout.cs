namespace StrongChain.Docs.Documents.Bulletins;

/// <summary>
/// The page and type of the bulletin per GB/T 9704-2012 (党政机关公文格式), in twips (1/1440 inch) and half-points.
/// A4, margins 37/35/28/26 mm, text area 156 × 225 mm: 22 lines of 3号 type at a fixed 28.95 pt, about 28 characters each.
/// </summary>
public static class BulletinLayout
{
    public const int PageWidth = 11906;
    public const int PageHeight = 16838;

    /// <summary>37 mm.</summary>
    public const int MarginTop = 2098;

    /// <summary>35 mm.</summary>
    public const int MarginBottom = 1984;

    /// <summary>28 mm.</summary>
    public const int MarginLeft = 1587;

    /// <summary>26 mm.</summary>
    public const int MarginRight = 1474;

    /// <summary>From the page's lower edge to the page number: the number sits 7 mm below the text area.</summary>
    public const int FooterDistance = 1304;

    /// <summary>156 mm.</summary>
    public const int TextWidth = PageWidth - MarginLeft - MarginRight;

    /// <summary>225 mm / 22 lines = 28.95 pt per line.</summary>
    public const int LinePitch = 579;

    /// <summary>
    /// Character spacing of body text in twentieths of a point (−0.25 pt): 28 characters of 16 pt are 448 pt, the
    /// text area is 442 pt wide; tightened by 0.25 pt each they fit 28 to a line as the standard asks.
    /// </summary>
    public const int BodyCharacterSpacing = -5;

    /// <summary>Two characters of 3号 type: the first-line indent of body paragraphs.</summary>
    public const int BodyIndent = 640;

    /// <summary>Font sizes in half-points.</summary>
    public const int AuthoritySize = 72;
    public const int TitleSize = 44;
    public const int BodySize = 32;
    public const int TableSize = 24;
    public const int PageNumberSize = 28;

    /// <summary>Red of the issuing-authority mark and its rule.</summary>
    public const string Red = "FF0000";

    /// <summary>Fonts: 小标宋 for the authority mark and title (宋体 where it is not installed), 仿宋 body, 黑体/楷体 headings.</summary>
    public const string TitleFont = "方正小标宋简体";
    public const string TitleFallbackFont = "宋体";
    public const string BodyFont = "仿宋";
    public const string HeadingFont = "黑体";
    public const string SubheadingFont = "楷体";
    public const string PageNumberFont = "宋体";
    public const string LatinFont = "Times New Roman";
}
