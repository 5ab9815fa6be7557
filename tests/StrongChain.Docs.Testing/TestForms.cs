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

    public static IReadOnlyList<string> All { get; } = [Template, CompleteValid, WordQuirks, CustomXmlStripped, MissingFields, TwoCoApplicants];
}
