namespace StrongChain.Docs.Testing;

/// <summary>Typed names of the committed progress report fixtures (issue 12), for <see cref="TestAssets.Read"/>; regenerate with the FixtureMaker.</summary>
public static class TestReports
{
    /// <summary>The empty report form of milestone 1 of <see cref="SampleReports.Consortium"/>.</summary>
    public const string Template = "Reports/template-LHT-QL2020-BM-02-0001-M1.docx";

    /// <summary><see cref="SampleReports.Filled"/>: every field as <see cref="SampleReports.CompleteValues"/>.</summary>
    public const string Complete = "Reports/complete.docx";

    /// <summary><see cref="SampleReports.WordEdited"/>: split runs, tracked changes inside controls, an empty spend row.</summary>
    public const string WordEdited = "Reports/word-edited.docx";

    /// <summary>complete.docx opened and saved as .docx by LibreOffice (headless <c>--convert-to docx:"MS Word 2007 XML"</c>).</summary>
    public const string LibreOffice = "Reports/libreoffice/complete.docx";

    /// <summary>The empty report form of milestone 2: a form made for another milestone.</summary>
    public const string OtherMilestone = "Reports/template-LHT-QL2020-BM-02-0001-M2.docx";
}
