using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using StrongChain.Docs.Documents.Agreements;
using StrongChain.Docs.Documents.Templates;
using StrongChain.Docs.Domain.Review;
using static StrongChain.Docs.Documents.Templates.WordBuilder;

namespace StrongChain.Docs.Documents.Review;

/// <summary>
/// Writes a decision letter (评审结果通知书) as .docx in the form's page setup: title, reference, addressee, the decision,
/// a table of the facts, the next step, the committee and the date on the right. Same content, same bytes.
/// </summary>
public static class DecisionLetterDocument
{
    public static byte[] Build(DecisionLetterContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return NewDocument(document => Write(document, content));
    }

    private static void Write(WordprocessingDocument document, DecisionLetterContent content) =>
        AgreementDocument.WriteForm(document, content.Title, content.Reference, body =>
        {
            body.Append(Paragraph(TemplateStyles.InstructionsTitle, JustificationValues.Center, Run(content.Title, RunProps(Size.ErHao, bold: true, eastAsiaFont: TemplateStyles.HeadingEastAsiaFont))));
            body.Append(Paragraph(TemplateStyles.Normal, JustificationValues.Right, Run(content.Reference, RunProps(Size.WuHao))));
            body.Append(Paragraph(TemplateStyles.Normal, null, Run(content.Addressee, RunProps(bold: true))));
            foreach (var line in content.Opening)
            {
                body.Append(Paragraph(TemplateStyles.Normal, null, Run(line)));
            }

            body.Append(ReviewPacketDocument.FieldTable(content.Facts));
            body.Append(Paragraph(TemplateStyles.Normal, null));
            foreach (var line in content.Closing)
            {
                body.Append(Paragraph(TemplateStyles.Normal, null, Run(line)));
            }

            body.Append(Paragraph(TemplateStyles.Normal, null));
            body.Append(Paragraph(TemplateStyles.Normal, JustificationValues.Right, Run(content.Sender)));
            body.Append(Paragraph(TemplateStyles.Normal, JustificationValues.Right, Run(content.Date)));
        });
}
