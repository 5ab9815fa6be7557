using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using StrongChain.Docs.Documents.Packages;
using StrongChain.Docs.Domain.Forms;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Domain.Records;

namespace StrongChain.Docs.Documents.Templates;

/// <summary>
/// The filled .docx made from a record (an application filled in the browser): the demand's template with every value
/// typed into its control as Word would, repeating items added with Word's "+". It reads back as the same record.
/// </summary>
public static class RecordDocument
{
    public static byte[] Build(Round round, Demand demand, ApplicationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var template = ApplicationFormTemplate.Build(round, demand);
        using var stream = new MemoryStream();
        stream.Write(template);
        stream.Position = 0;
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            var body = document.MainDocumentPart?.Document?.Body ?? throw new InvalidOperationException("The template has no body.");
            foreach (var (repeatTag, count) in RecordValues.ItemCounts(record))
            {
                for (var i = 1; i < count; i++)
                {
                    FormControls.AddItem(body, repeatTag);
                }
            }

            foreach (var (path, text) in RecordValues.Texts(record))
            {
                FormControls.Fill(ControlAt(body, path), text);
            }

            foreach (var (tag, ticked) in RecordValues.Checks(record))
            {
                FormControls.SetChecked(FormControls.Control(body, tag), ticked);
            }
        }

        return DeterministicPackage.Normalize(stream.ToArray());
    }

    /// <summary>The control of a path: the field's control, or the child control in the path's item.</summary>
    private static SdtElement ControlAt(Body body, string path)
    {
        var tag = ApplicationForm.TagOfPath(path);
        var open = path.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return FormControls.Control(body, tag);
        }

        var index = int.Parse(path.AsSpan(open + 1, path.IndexOf(']', StringComparison.Ordinal) - open - 1), System.Globalization.CultureInfo.InvariantCulture);
        return FormControls.Control(FormControls.Items(body, path[..open])[index], tag);
    }
}
