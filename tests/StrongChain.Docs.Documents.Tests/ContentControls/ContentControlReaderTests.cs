using StrongChain.Docs.Documents.ContentControls;
using StrongChain.Docs.Documents.Tests.Support;
using static StrongChain.Docs.Documents.Tests.Support.Wml;

namespace StrongChain.Docs.Documents.Tests.ContentControls;

public sealed class ContentControlReaderTests
{
    private const string Doc = ContentControlParts.Document;

    private static IReadOnlyList<ContentControlInfo> ReadBody(string body) => Read(new DocxFactory { Body = body });

    private static IReadOnlyList<ContentControlInfo> Read(DocxFactory factory) => ContentControlReader.Read(factory.Build());

    [Fact]
    public void Runs_split_by_proofErr_and_rsids_read_as_one_text()
    {
        var body = P(
            R("单位名称："),
            Sdt(Props("applicant.name", "单位名称", Text),
                R("北京", "00A1B2C3")
                + """<w:proofErr w:type="spellStart"/>"""
                + R("强链", "00D4E5F6")
                + """<w:proofErr w:type="spellEnd"/>"""
                + R(" 科技有限公司", "00A1B2C3")));

        var controls = ReadBody(body);

        Assert.Equal([new ContentControlInfo("applicant.name", "单位名称", "text", false, "北京强链 科技有限公司", null, Doc, 0)], controls);
    }

    [Fact]
    public void Tracked_insertions_and_moves_to_are_in_deletions_and_moves_from_are_out()
    {
        var content =
            P(
                R("保留"),
                $"""<w:ins w:id="11" {Author}>{R("新增")}</w:ins>""",
                $"""<w:del w:id="12" {Author}><w:r><w:delText>删除</w:delText></w:r></w:del>""",
                $"""<w:moveFromRangeStart w:id="13" {Author} w:name="move1"/><w:moveFrom w:id="14" {Author}>{R("移走")}</w:moveFrom><w:moveFromRangeEnd w:id="13"/>""",
                $"""<w:moveToRangeStart w:id="15" {Author} w:name="move1"/><w:moveTo w:id="16" {Author}>{R("移入")}</w:moveTo><w:moveToRangeEnd w:id="15"/>""")
            + P("""<w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t></w:r>""")
            // A deleted paragraph mark joins D to E once accepted: no line break between them.
            + $"""<w:p><w:pPr><w:rPr><w:del w:id="17" {Author}/></w:rPr></w:pPr>{R("D")}</w:p>"""
            + P(R("E"))
            + P()
            + P(R("F"));

        var controls = ReadBody(Sdt(Props("plan.summary", "技术方案摘要", RichText), content));

        Assert.Equal([new ContentControlInfo("plan.summary", "技术方案摘要", "richText", false, "保留新增移入\nA\tB\nC\nDE\n\nF", null, Doc, 0)], controls);
    }

    [Fact]
    public void Field_codes_are_out_and_field_results_in()
    {
        var complex =
            """<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \@ "yyyy-MM-dd" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2026-03-01</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>""";
        var simple = """<w:fldSimple w:instr=" NUMPAGES  \* MERGEFORMAT "><w:r><w:rPr><w:noProof/></w:rPr><w:t>3</w:t></w:r></w:fldSimple>""";
        var nested =
            """<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>"""
            + """<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"""
            + """<w:r><w:instrText xml:space="preserve"> = 1 "一" "其他" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>一</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>""";
        var symbols = """<w:r><w:t>A</w:t><w:noBreakHyphen/><w:t>B</w:t><w:sym w:font="Wingdings" w:char="F0FC"/><w:cr/><w:t>C</w:t><w:softHyphen/></w:r>""";
        var content = P(R("日期 "), complex, R("，共"), simple, R("页")) + P(nested) + P(symbols);

        var controls = ReadBody(Sdt(Props(null, null, RichText), content));

        Assert.Equal([new ContentControlInfo(null, null, "richText", false, "日期 2026-03-01，共3页\n一\nA-B\uF0FC\nC", null, Doc, 0)], controls);
    }

    [Fact]
    public void Smart_tags_custom_xml_hyperlinks_and_bookmarks_are_read_through()
    {
        var content =
            """<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place"><w:smartTagPr><w:attr w:name="x" w:val="1"/></w:smartTagPr>"""
            + R("海淀区") + "</w:smartTag>"
            + """<w:customXml w:element="street">""" + R("中关村") + "</w:customXml>"
            + """<w:bookmarkStart w:id="0" w:name="addr"/><w:hyperlink w:anchor="addr" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>大街1号</w:t></w:r></w:hyperlink><w:bookmarkEnd w:id="0"/>"""
            + """<w:commentRangeStart w:id="3"/>""" + R("院") + """<w:commentRangeEnd w:id="3"/>""";

        var controls = ReadBody(P(R("地址："), Sdt(Props("applicant.address", "通讯地址", Text), content)));

        Assert.Equal([new ContentControlInfo("applicant.address", "通讯地址", "text", false, "海淀区中关村大街1号院", null, Doc, 0)], controls);
    }

    [Fact]
    public void Nested_controls_count_depth_and_the_outer_text_holds_the_inner_text_but_not_placeholders()
    {
        var group = Sdt(
            Props("contact", "联系方式", Group),
            P(R("联系人："), Sdt(Props("applicant.contactName", "联系人", Text), R("王五")))
            + P(R("电话："), PlaceholderSdt("applicant.contactPhone", "联系电话", Text, "请输入手机或座机号码")));

        var controls = ReadBody(group);

        Assert.Equal(
            [
                new ContentControlInfo("contact", "联系方式", "group", false, "联系人：王五\n电话：", null, Doc, 0),
                new ContentControlInfo("applicant.contactName", "联系人", "text", false, "王五", null, Doc, 1),
                new ContentControlInfo("applicant.contactPhone", "联系电话", "text", true, "", null, Doc, 1),
            ],
            controls);
    }

    [Fact]
    public void Row_and_cell_controls_in_a_repeating_section_are_read_in_order()
    {
        static string Item(string name, string target) => Sdt(
            Props(null, null, RepeatingSectionItem),
            Tr(
                Sdt(Props("indicator.name", "指标名称", Text), Tc(P(R(name)))),
                Tc(P(Sdt(Props("indicator.target", "目标值", Text), R(target))))));
        var table = Table(
            Tr(Tc(P(R("指标名称"))), Tc(P(R("目标值")))),
            Sdt(Props("indicators", "考核指标", RepeatingSection), Item("精度", "0.1mm") + Item("寿命", "5年")));

        var details = ContentControlReader.ReadDetailed(DocxFactory.WithBody(table));

        Assert.Equal(
            [
                new ContentControlInfo("indicators", "考核指标", "repeatingSection", false, "精度\n0.1mm\n寿命\n5年", null, Doc, 0),
                new ContentControlInfo(null, null, "repeatingSectionItem", false, "精度\n0.1mm", null, Doc, 1),
                new ContentControlInfo("indicator.name", "指标名称", "text", false, "精度", null, Doc, 2),
                new ContentControlInfo("indicator.target", "目标值", "text", false, "0.1mm", null, Doc, 2),
                new ContentControlInfo(null, null, "repeatingSectionItem", false, "寿命\n5年", null, Doc, 1),
                new ContentControlInfo("indicator.name", "指标名称", "text", false, "寿命", null, Doc, 2),
                new ContentControlInfo("indicator.target", "目标值", "text", false, "5年", null, Doc, 2),
            ],
            details.Select(d => d.Info));
        Assert.Equal([null, 0, 1, 1, 0, 4, 4], details.Select(d => d.Parent));
        Assert.Equal([null, 0, null, null, 1, null, null], details.Select(d => d.ItemIndex));
        Assert.Equal([null, "indicators", null, null, "indicators", null, null], details.Select(d => d.SectionTag));
    }

    [Fact]
    public void A_tracked_deleted_item_is_flagged_has_no_index_and_the_next_item_takes_its_number()
    {
        var deleted = Sdt(
            Props(null, null, RepeatingSectionItem),
            // A deleted row is enough, whether or not the cells' paragraph marks are marked deleted too.
            DeletedTr(Sdt(Props("indicator.name", "指标名称", Text), Tc(P(DeletedR("精度")))), Tc(P(DeletedR("0.1mm")))));
        var kept = Sdt(Props(null, null, RepeatingSectionItem), Tr(Tc(P(Sdt(Props("indicator.name", "指标名称", Text), R("寿命")))), Tc(P(R("5年")))));
        var table = Table(Sdt(Props("indicators", "考核指标", RepeatingSection), deleted + kept));

        var details = ContentControlReader.ReadDetailed(DocxFactory.WithBody(table));

        Assert.Equal(["indicators", null, "indicator.name", null, "indicator.name"], details.Select(d => d.Info.Tag));
        Assert.Equal(["寿命\n5年", "", "", "寿命\n5年", "寿命"], details.Select(d => d.Info.Text));
        Assert.Equal([false, true, false, false, false], details.Select(d => d.Deleted));
        Assert.Equal([null, null, null, 0, null], details.Select(d => d.ItemIndex));
        Assert.Equal([null, "indicators", null, "indicators", null], details.Select(d => d.SectionTag));
    }

    [Fact]
    public void Hidden_text_is_not_visible_text()
    {
        var content =
            P(R("甲"), HiddenR("隐藏"), R("乙"), HiddenR("关闭", "0"), HiddenR("也隐藏", "true"))
            // A hidden paragraph mark joins the paragraph to the next one, as Word shows it without formatting marks.
            + """<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>""" + R("丙") + "</w:p>"
            + P(R("丁"))
            + P("""<w:r><w:rPr><w:vanish/></w:rPr><w:tab/><w:t>戊</w:t><w:br/></w:r>""", R("己"));

        var controls = ReadBody(Sdt(Props("plan.summary", "技术方案摘要", RichText), content));

        Assert.Equal("甲乙关闭\n丙丁\n己", Assert.Single(controls).Text);
    }

    [Fact]
    public void A_hidden_field_result_keeps_the_field_structure()
    {
        // The field's characters sit in hidden runs; the code stays out and the visible text after the field stays in.
        var field = """<w:r><w:rPr><w:vanish/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:instrText> PAGE </w:instrText></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>1</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:fldChar w:fldCharType="end"/></w:r>""";

        var controls = ReadBody(P(Sdt(Props("a", null, RichText), R("前") + field + R("后"))));

        Assert.Equal("前后", Assert.Single(controls).Text);
    }

    [Fact]
    public void W14_check_boxes_report_their_state()
    {
        static string Box(string tag, string? value, string glyph) => P(
            Sdt(Props(tag, null, CheckBox(value)), $"""<w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" w:hint="eastAsia"/></w:rPr><w:t>{glyph}</w:t></w:r>"""),
            R("申报材料真实、准确、完整"));

        var controls = ReadBody(
            Box("decl.truthful", "1", "☒") + Box("decl.goodStanding", "0", "☐") + Box("a", "true", "☒") + Box("b", "on", "☒")
            + Box("c", "false", "☐") + Box("d", null, "☐"));

        Assert.Equal(
            [
                new ContentControlInfo("decl.truthful", null, "checkBox", false, "☒", true, Doc, 0),
                new ContentControlInfo("decl.goodStanding", null, "checkBox", false, "☐", false, Doc, 0),
                new ContentControlInfo("a", null, "checkBox", false, "☒", true, Doc, 0),
                new ContentControlInfo("b", null, "checkBox", false, "☒", true, Doc, 0),
                new ContentControlInfo("c", null, "checkBox", false, "☐", false, Doc, 0),
                new ContentControlInfo("d", null, "checkBox", false, "☐", false, Doc, 0),
            ],
            controls);
    }

    [Fact]
    public void Every_kind_is_named()
    {
        var body =
            P(Sdt(Props("applicant.established", "成立日期", Date), R("2026-03-01")))
            + P(Sdt(Props("applicant.orgType", "单位类型", DropDown("高等院校", "企业")), R("企业")))
            + P(Sdt(Props("combo", null, ComboBox("甲", "乙")), R("丙")))
            + P(PlaceholderSdt("combo2", null, ComboBox("甲"), "选择或输入"))
            + P(Sdt(Props("sign.seal", "单位公章", Picture), Drawing))
            + P(Sdt(Props("sign.seal", "单位公章", Picture, placeholder: true), Drawing))
            + Sdt(Props(null, null, """<w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj>"""), P(R("目录")))
            + Sdt(Props(null, null, """<w:docPartList><w:docPartGallery w:val="Quick Parts"/></w:docPartList>"""), P(R("部件")))
            + P(R("见"), Sdt(Props(null, null, "<w:citation/>"), R("(张, 2020)")))
            + Sdt(Props(null, null, "<w:bibliography/>"), P(R("参考文献")))
            + P(Sdt(Props(null, null, "<w:equation/>"), """<m:oMath><m:r><m:t>x=1</m:t></m:r></m:oMath>"""))
            + P(Sdt(Props("rich", null, "<w:richText/>"), R("富文本")))
            + Sdt("""<w:sdtPr><w:id w:val="7"/></w:sdtPr>""", P(R("无类型")));

        var controls = ReadBody(body);

        Assert.Equal(
            [
                new ContentControlInfo("applicant.established", "成立日期", "date", false, "2026-03-01", null, Doc, 0),
                new ContentControlInfo("applicant.orgType", "单位类型", "dropDownList", false, "企业", null, Doc, 0),
                new ContentControlInfo("combo", null, "comboBox", false, "丙", null, Doc, 0),
                new ContentControlInfo("combo2", null, "comboBox", true, "", null, Doc, 0),
                new ContentControlInfo("sign.seal", "单位公章", "picture", false, "", null, Doc, 0),
                new ContentControlInfo("sign.seal", "单位公章", "picture", true, "", null, Doc, 0),
                new ContentControlInfo(null, null, "docPart", false, "目录", null, Doc, 0),
                new ContentControlInfo(null, null, "docPart", false, "部件", null, Doc, 0),
                new ContentControlInfo(null, null, "citation", false, "(张, 2020)", null, Doc, 0),
                new ContentControlInfo(null, null, "bibliography", false, "参考文献", null, Doc, 0),
                new ContentControlInfo(null, null, "equation", false, "x=1", null, Doc, 0),
                new ContentControlInfo("rich", null, "richText", false, "富文本", null, Doc, 0),
                new ContentControlInfo(null, null, "richText", false, "无类型", null, Doc, 0),
            ],
            controls);
    }

    [Fact]
    public void A_picture_with_an_image_is_flagged_and_its_placeholder_is_not()
    {
        var body = P(Sdt(Props("sign.seal", null, Picture), Drawing)) + P(Sdt(Props("sign.seal", null, Picture, placeholder: true), Drawing))
            + P(Sdt(Props("sign.seal", null, Picture), """<w:r><w:pict><v:shape id="_x0000_i1025" type="#_x0000_t75" style="width:85pt;height:85pt"><v:imagedata r:id="rId98" o:title=""/></v:shape></w:pict></w:r>"""))
            + P(Sdt(Props("sign.seal", null, Picture), R("")));

        Assert.Equal([true, false, true, false], ContentControlReader.ReadDetailed(DocxFactory.WithBody(body)).Select(d => d.HasImage));
    }

    [Fact]
    public void Parts_come_in_order_document_headers_footers_footnotes_endnotes()
    {
        var factory = new DocxFactory
        {
            Body = P(R("正文"), """<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>""", Sdt(Props("body", null, Text), R("正文控件")))
                + P("""<w:r><w:rPr><w:rStyle w:val="EndnoteReference"/></w:rPr><w:endnoteReference w:id="1"/></w:r>"""),
            Footnote = """<w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>"""
                + R(" ") + Sdt(Props("note.source", "来源", Text), R("数据来源：统计年鉴")) + "</w:p>",
            Endnote = """<w:p><w:r><w:endnoteRef/></w:r>""" + Sdt(Props("note.end", null, Text), R("尾注内容")) + "</w:p>",
        };
        factory.Headers.Add(P(Sdt(Props("header.title", "页眉", Text), R("中关村强链工程"))));
        factory.Headers.Add(P(Sdt(Props("header.first", null, Text), R("首页页眉"))));
        factory.Footers.Add(Sdt(
            Props(null, null, """<w:docPartObj><w:docPartGallery w:val="Page Numbers (Bottom of Page)"/><w:docPartUnique/></w:docPartObj>"""),
            P(R("第"), """<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE   \* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:noProof/></w:rPr><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>""", R("页"))));

        var controls = Read(factory);

        Assert.Equal(
            [
                new ContentControlInfo("body", null, "text", false, "正文控件", null, Doc, 0),
                new ContentControlInfo("header.title", "页眉", "text", false, "中关村强链工程", null, "header", 0),
                new ContentControlInfo("header.first", null, "text", false, "首页页眉", null, "header", 0),
                new ContentControlInfo(null, null, "docPart", false, "第1页", null, "footer", 0),
                new ContentControlInfo("note.source", "来源", "text", false, "数据来源：统计年鉴", null, "footnotes", 0),
                new ContentControlInfo("note.end", null, "text", false, "尾注内容", null, "endnotes", 0),
            ],
            controls);
    }

    [Fact]
    public void A_document_without_controls_has_none()
    {
        Assert.Empty(ReadBody(P(R("只有正文"))));
    }

    [Fact]
    public void A_text_box_shown_twice_for_compatibility_is_read_once()
    {
        var textBox =
            """<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="100" cy="100"/><wp:wrapNone/><wp:docPr id="2" name="文本框 2"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"""
            + """<mc:Fallback><w:pict><v:shape id="tb" style="width:10pt;height:10pt"><v:textbox><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>""";

        var controls = ReadBody(P(Sdt(Props("box", null, RichText), R("前") + textBox)));

        Assert.Equal("前框内", Assert.Single(controls).Text);
    }
}
