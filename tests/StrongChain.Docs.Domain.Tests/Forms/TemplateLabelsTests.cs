using StrongChain.Docs.Domain.FilledForms;
using StrongChain.Docs.Domain.Forms;

namespace StrongChain.Docs.Domain.Tests.Forms;

public sealed class TemplateLabelsTests
{
    private static readonly FormMarkers Ours = new("1.0", "2020-01", "QL2020-BM-02", true, true);

    [Fact]
    public void Structure_is_lost_below_half_of_the_single_field_tags_and_kept_from_half()
    {
        var tags = TemplateLabels.SingleFields.Select(f => f.Tag).ToList();
        var half = (tags.Count + 1) / 2;

        Assert.True(TemplateLabels.StructureLost([]));
        Assert.True(TemplateLabels.StructureLost(tags.Take(half - 1)));
        Assert.False(TemplateLabels.StructureLost(tags.Take(half)));
        Assert.False(TemplateLabels.StructureLost(tags));
    }

    [Fact]
    public void Repeating_tags_and_unknown_tags_do_not_count_towards_the_structure()
    {
        var repeating = ApplicationForm.Fields.Where(f => f.Repeat is not null).Select(f => f.Tag);

        Assert.True(TemplateLabels.StructureLost([.. repeating, "unrelated.tag", null]));
    }

    [Fact]
    public void Every_single_field_label_is_unique_within_its_section()
    {
        foreach (var section in ApplicationForm.Sections)
        {
            var labels = TemplateLabels.SingleFields.Where(f => f.Section == section.Key).Select(f => TemplateLabels.Normalize(f.Label)).ToList();
            Assert.Equal(labels.Count, labels.Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Fact]
    public void A_declaration_without_a_glyph_is_missing_not_unticked()
    {
        var layout = new List<LayoutBlock>
        {
            LayoutBlock.Text("四、承诺事项"),
            LayoutBlock.Table([
                [new LayoutCell("☒", true, false), new LayoutCell(ApplicationForm.Declarations[0].Statement, null, false)],
                [new LayoutCell("", null, false), new LayoutCell(ApplicationForm.Declarations[1].Statement, null, false)],
            ]),
        };

        var form = LabelRecovery.Recover(new FilledForm(Ours, [], new Dictionary<string, int>()), layout);

        Assert.Contains(form.Values, v => v.Path == "decl.independentLegalPerson" && v.Checked == true);
        Assert.DoesNotContain(form.Values, v => v.Path == "decl.firstCooperation");
        Assert.Contains("decl.firstCooperation", form.Recovery!.Missing);
        Assert.False(form.Recovery.Readable);
    }

    [Fact]
    public void Labels_before_the_first_heading_are_the_cover_and_not_read()
    {
        var layout = new List<LayoutBlock>
        {
            LayoutBlock.Table([[new LayoutCell("需求编号：", null, false), new LayoutCell("QL2020-BM-02", null, false)]]),
        };

        var form = LabelRecovery.Recover(new FilledForm(Ours, [], new Dictionary<string, int>()), layout);

        Assert.Empty(form.Values);
        Assert.Contains("demand.id", form.Recovery!.Missing);
    }
}
