namespace StrongChain.Docs.Testing;

/// <summary>Typed names of the committed form fixtures, for <see cref="TestAssets.Read"/>; regenerate with the FixtureMaker.</summary>
public static class TestForms
{
    /// <summary>The empty template for QL2020-BM-02 of round 2020-01.</summary>
    public const string Template = "Forms/template-QL2020-BM-02.docx";

    /// <summary><see cref="SampleForms.CompleteValidForm()"/>: every field valid.</summary>
    public const string CompleteValid = "Forms/complete-valid.docx";

    /// <summary><see cref="SampleForms.WordQuirks()"/>: the complete form in the shapes Word leaves behind.</summary>
    public const string WordQuirks = "Forms/word-quirks.docx";

    /// <summary><see cref="SampleForms.CustomXmlStripped()"/>: markers only in the document properties.</summary>
    public const string CustomXmlStripped = "Forms/custom-xml-stripped.docx";

    /// <summary><see cref="SampleForms.MissingFields()"/>: only applicant.name filled.</summary>
    public const string MissingFields = "Forms/missing-fields.docx";

    /// <summary><see cref="SampleForms.TwoCoApplicants()"/>: the complete form with two joint applicants.</summary>
    public const string TwoCoApplicants = "Forms/two-co-applicants.docx";

    /// <summary><see cref="SampleForms.TagsStripped()"/>: no custom XML part and no control tags, as an editor that drops them leaves the form.</summary>
    public const string TagsStripped = "Forms/tags-stripped.docx";

    /// <summary><see cref="SampleForms.LayoutLost()"/>: tags and tables gone, markers kept.</summary>
    public const string LayoutLost = "Forms/layout-lost.docx";

    /// <summary>complete-valid.docx opened and saved as .docx by LibreOffice 7.4 (Debian), headless.</summary>
    public const string LibreOfficeDocx = "Forms/libreoffice/complete-valid.docx";

    /// <summary>The LibreOffice .docx of complete-valid.docx opened and saved as .docx by LibreOffice again.</summary>
    public const string LibreOfficeTwice = "Forms/libreoffice/complete-valid-saved-twice.docx";

    /// <summary>complete-valid.docx saved as .odt by LibreOffice 7.4, then that .odt saved as .docx.</summary>
    public const string LibreOfficeOdtDocx = "Forms/libreoffice/complete-valid-via-odt.docx";

    /// <summary>two-co-applicants.docx saved as .docx by LibreOffice 7.4.</summary>
    public const string LibreOfficeTwoCoApplicants = "Forms/libreoffice/two-co-applicants.docx";

    /// <summary>missing-fields.docx saved as .docx by LibreOffice 7.4: placeholders as text, one value.</summary>
    public const string LibreOfficeMissingFields = "Forms/libreoffice/missing-fields.docx";

    public static IReadOnlyList<string> All { get; } = [Template, CompleteValid, WordQuirks, CustomXmlStripped, MissingFields, TwoCoApplicants, TagsStripped, LayoutLost];

    /// <summary>Fixtures LibreOffice wrote (not byte-reproducible: it stamps times); regenerate with the FixtureMaker where soffice is installed.</summary>
    public static IReadOnlyList<string> ConvertedByLibreOffice { get; } = [LibreOfficeDocx, LibreOfficeTwice, LibreOfficeOdtDocx, LibreOfficeTwoCoApplicants, LibreOfficeMissingFields];
}
