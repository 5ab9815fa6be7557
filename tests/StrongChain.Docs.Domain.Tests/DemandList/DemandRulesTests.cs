using StrongChain.Docs.Domain.DemandList;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Programme;

namespace StrongChain.Docs.Domain.Tests.DemandList;

public sealed class DemandRulesTests
{
    private const string ValidCode = "91350100M000100Y43";

    private static readonly Round Round = new(
        "2020-01", "中关村强链工程首批技术需求榜单", new DateOnly(2020, 12, 28),
        new DateTimeOffset(2020, 12, 29, 0, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2021, 2, 10, 23, 59, 59, TimeSpan.FromHours(8)),
        "Asia/Shanghai", ["新一代信息技术", "生物医药"], 4, 36, 0.30m);

    private static Dictionary<string, string?> ValidRow(string id = "QL2020-IT-01") => new()
    {
        [DemandColumns.Id] = id,
        [DemandColumns.Sector] = "新一代信息技术",
        [DemandColumns.SubField] = "集成电路",
        [DemandColumns.Title] = "面向存储器版图设计的浏览器及IP集成工具",
        [DemandColumns.Issuer] = "示例发榜企业A",
        [DemandColumns.IssuerCreditCode] = ValidCode,
        [DemandColumns.CoIssuers] = null,
        [DemandColumns.Summary] = "需求描述",
        [DemandColumns.Indicators] = "主要技术指标",
        [DemandColumns.DeadlineMonths] = "24",
        [DemandColumns.Procurement] = "验收后采购不少于100万元",
        [DemandColumns.CommittedVolume] = null,
        [DemandColumns.ContactName] = "示例联系人",
        [DemandColumns.ContactPhone] = "010-62345678",
        [DemandColumns.ReviewStatus] = "通过",
    };

    /// <summary>A sheet laid out as the template: catalogue order from column A, header in row 1, data from row 2.</summary>
    private static DemandSheet Sheet(params Dictionary<string, string?>[] rows) => SheetWith(DemandColumns.All.Select(c => c.Key).ToList(), rows);

    private static DemandSheet SheetWith(IReadOnlyList<string> keys, params Dictionary<string, string?>[] rows)
    {
        var headerCells = keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => CellAddress.Of(p.i + 1, 1));
        var read = rows.Select((cells, r) => new DemandRow(
            r + 2,
            cells.Where(c => keys.Contains(c.Key)).ToDictionary(c => c.Key, c => c.Value),
            keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => CellAddress.Of(p.i + 1, r + 2)))).ToList();
        return new DemandSheet(read, [], 1, headerCells, []);
    }

    private static Dictionary<string, string?> With(string key, string? value)
    {
        var row = ValidRow();
        row[key] = value;
        return row;
    }

    private static DemandFinding Single(DemandImport result)
    {
        Assert.Single(result.Findings);
        return result.Findings[0];
    }

    [Fact]
    public void A_complete_row_becomes_a_demand_of_the_round_without_findings()
    {
        var result = DemandRules.Check(Sheet(ValidRow()), Round);

        Assert.Empty(result.Findings);
        Assert.False(result.HasErrors);
        var demand = Assert.Single(result.Demands);
        Assert.Equal(
            new Demand("QL2020-IT-01", "2020-01", "新一代信息技术", "集成电路", "面向存储器版图设计的浏览器及IP集成工具", "示例发榜企业A", ValidCode,
                null, "需求描述", "主要技术指标", 24, "验收后采购不少于100万元", null, "示例联系人", "010-62345678", "通过"),
            demand);
    }

    [Theory]
    [InlineData(DemandColumns.Id, "A2")]
    [InlineData(DemandColumns.Sector, "B2")]
    [InlineData(DemandColumns.Title, "D2")]
    [InlineData(DemandColumns.Issuer, "E2")]
    [InlineData(DemandColumns.IssuerCreditCode, "F2")]
    [InlineData(DemandColumns.Summary, "H2")]
    [InlineData(DemandColumns.Indicators, "I2")]
    [InlineData(DemandColumns.DeadlineMonths, "J2")]
    [InlineData(DemandColumns.Procurement, "K2")]
    [InlineData(DemandColumns.ContactName, "M2")]
    [InlineData(DemandColumns.ContactPhone, "N2")]
    public void A_blank_required_cell_is_a_required_error_at_that_cell(string key, string cell)
    {
        foreach (var blank in new[] { null, "", "   ", "\u3000" })
        {
            var result = DemandRules.Check(Sheet(With(key, blank)), Round);

            var finding = Single(result);
            Assert.Equal((cell, 2, key, DemandFindingCodes.Required, Severity.Error), (finding.Cell, finding.Row, finding.Column, finding.Code, finding.Severity));
            Assert.Contains(cell, finding.Message, StringComparison.Ordinal);
            Assert.Contains(DemandColumns.Get(key).Header, finding.Message, StringComparison.Ordinal);
            Assert.Contains(cell, finding.MessageEn, StringComparison.Ordinal);
            Assert.Empty(result.Demands);
            Assert.True(result.HasErrors);
        }
    }

    [Theory]
    [InlineData(DemandColumns.SubField)]
    [InlineData(DemandColumns.CoIssuers)]
    [InlineData(DemandColumns.CommittedVolume)]
    public void An_optional_cell_may_be_blank(string key)
    {
        var result = DemandRules.Check(Sheet(With(key, "  ")), Round);

        Assert.Empty(result.Findings);
        Assert.Null(DemandValue(result.Demands[0], key));
    }

    [Fact]
    public void Findings_carry_the_demand_id_of_their_row()
    {
        var result = DemandRules.Check(Sheet(With(DemandColumns.Title, null)), Round);

        Assert.Equal("QL2020-IT-01", Single(result).DemandId);
    }

    [Fact]
    public void Values_are_trimmed_of_half_and_full_width_spaces()
    {
        var row = ValidRow("  QL2020-IT-01\u3000");
        row[DemandColumns.Title] = "\t 浏览器及IP集成工具 ";
        row[DemandColumns.DeadlineMonths] = " 24 ";

        var demand = Assert.Single(DemandRules.Check(Sheet(row), Round).Demands);

        Assert.Equal(("QL2020-IT-01", "浏览器及IP集成工具", 24), (demand.Id, demand.Title, demand.DeadlineMonths!.Value));
    }

    [Fact]
    public void A_repeated_id_is_reported_on_the_later_row_only()
    {
        var result = DemandRules.Check(Sheet(ValidRow("QL-1"), ValidRow("QL-2"), ValidRow("ql-1")), Round);

        var finding = Single(result);
        Assert.Equal(("A4", 4, DemandColumns.Id, DemandFindingCodes.DuplicateId, "ql-1"), (finding.Cell, finding.Row, finding.Column, finding.Code, finding.DemandId));
        Assert.Contains("A2", finding.Message, StringComparison.Ordinal);
        Assert.Equal(["QL-1", "QL-2"], result.Demands.Select(d => d.Id));
    }

    [Theory]
    [InlineData("新一代信息技术")]
    [InlineData("生物医药")]
    public void A_sector_of_the_round_is_accepted(string sector) =>
        Assert.Empty(DemandRules.Check(Sheet(With(DemandColumns.Sector, sector)), Round).Findings);

    [Theory]
    [InlineData("人工智能")]
    [InlineData("信息技术")]
    [InlineData("生物 医药")]
    public void A_sector_outside_the_round_is_not_in_list(string sector)
    {
        var finding = Single(DemandRules.Check(Sheet(With(DemandColumns.Sector, sector)), Round));

        Assert.Equal(("B2", DemandFindingCodes.NotInList), (finding.Cell, finding.Code));
        Assert.Contains("新一代信息技术、生物医药", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_of_60_characters_is_accepted_and_61_is_too_long()
    {
        Assert.Empty(DemandRules.Check(Sheet(With(DemandColumns.Title, new string('榜', 60))), Round).Findings);

        var finding = Single(DemandRules.Check(Sheet(With(DemandColumns.Title, new string('榜', 61))), Round));
        Assert.Equal(("D2", DemandFindingCodes.TooLong), (finding.Cell, finding.Code));
        Assert.Contains("61", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_counts_characters_not_utf16_units()
    {
        var title = string.Concat(Enumerable.Repeat("𠀀", 60));

        Assert.Empty(DemandRules.Check(Sheet(With(DemandColumns.Title, title)), Round).Findings);
    }

    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000802100433B")]
    [InlineData("91350100m000100y43")]
    public void A_valid_credit_code_is_accepted_in_upper_case(string code)
    {
        var result = DemandRules.Check(Sheet(With(DemandColumns.IssuerCreditCode, code)), Round);

        Assert.Empty(result.Findings);
        Assert.Equal(code.ToUpperInvariant(), result.Demands[0].IssuerCreditCode);
    }

    [Theory]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100M000100Y433")]
    [InlineData("91350100M0001O0Y43")]
    [InlineData("91350100M000100I43")]
    [InlineData("9135010 M000100Y43")]
    [InlineData("91350100M000100Y4Z")]
    public void A_malformed_credit_code_is_a_format_error(string code)
    {
        var finding = Single(DemandRules.Check(Sheet(With(DemandColumns.IssuerCreditCode, code)), Round));

        Assert.Equal(("F2", DemandFindingCodes.Format), (finding.Cell, finding.Code));
    }

    [Theory]
    [InlineData("91350100M000100Y44")]
    [InlineData("91350100M000100Y40")]
    [InlineData("91110000802100433A")]
    public void A_credit_code_with_a_wrong_check_character_is_a_checksum_error(string code)
    {
        var finding = Single(DemandRules.Check(Sheet(With(DemandColumns.IssuerCreditCode, code)), Round));

        Assert.Equal(("F2", DemandFindingCodes.CreditCodeChecksum, Severity.Error), (finding.Cell, finding.Code, finding.Severity));
    }

    [Fact]
    public void The_checksum_maps_31_to_0()
    {
        // Search the running numbers for a code whose check value is 0, proving the 31 → 0 case is handled.
        var code = Enumerable.Range(0, 1000).Select(n => $"91110108MA{n:D7}").Select(c => c + "0").First(DemandRules.IsValidCreditCode);

        Assert.True(DemandRules.IsValidCreditCode(code));
        Assert.Empty(DemandRules.Check(Sheet(With(DemandColumns.IssuerCreditCode, code)), Round).Findings);
    }

    [Theory]
    [InlineData("示例联合发榜企业甲、示例联合发榜企业乙")]
    [InlineData("示例联合发榜企业甲;示例联合发榜企业乙")]
    [InlineData("示例联合发榜企业甲；示例联合发榜企业乙")]
    [InlineData(" 示例联合发榜企业甲 、、 示例联合发榜企业乙；")]
    public void Co_issuers_split_on_either_separator_and_are_kept_joined_by_the_enumeration_comma(string coIssuers)
    {
        var row = With(DemandColumns.CoIssuers, coIssuers);
        row[DemandColumns.CommittedVolume] = "500套";

        var result = DemandRules.Check(Sheet(row), Round);

        Assert.Empty(result.Findings);
        Assert.Equal("示例联合发榜企业甲、示例联合发榜企业乙", result.Demands[0].CoIssuers);
        Assert.Equal(["示例联合发榜企业甲", "示例联合发榜企业乙"], DemandRules.SplitCoIssuers(coIssuers));
    }

    [Fact]
    public void Co_issuers_without_a_committed_volume_is_committed_volume_missing()
    {
        var finding = Single(DemandRules.Check(Sheet(With(DemandColumns.CoIssuers, "示例联合发榜企业甲")), Round));

        Assert.Equal(("L2", DemandColumns.CommittedVolume, DemandFindingCodes.CommittedVolumeMissing), (finding.Cell, finding.Column, finding.Code));
        Assert.Contains("带量", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Co_issuers_without_the_committed_volume_column_is_still_committed_volume_missing()
    {
        var keys = DemandColumns.All.Select(c => c.Key).Where(k => k != DemandColumns.CommittedVolume).ToList();

        var finding = Single(DemandRules.Check(SheetWith(keys, With(DemandColumns.CoIssuers, "示例联合发榜企业甲")), Round));

        Assert.Equal((null, DemandFindingCodes.CommittedVolumeMissing), (finding.Cell, finding.Code));
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("60", 60)]
    [InlineData("12.0", 12)]
    [InlineData("+36", 36)]
    public void Deadline_months_from_1_to_60_are_accepted(string text, int months) =>
        Assert.Equal(months, DemandRules.Check(Sheet(With(DemandColumns.DeadlineMonths, text)), Round).Demands[0].DeadlineMonths);

    [Theory]
    [InlineData("0")]
    [InlineData("61")]
    [InlineData("120")]
    [InlineData("99999999999999")]
    public void Deadline_months_outside_1_to_60_are_out_of_range(string text)
    {
        var finding = Single(DemandRules.Check(Sheet(With(DemandColumns.DeadlineMonths, text)), Round));

        Assert.Equal(("J2", DemandFindingCodes.OutOfRange), (finding.Cell, finding.Code));
    }

    [Theory]
    [InlineData("十二")]
    [InlineData("12个月")]
    [InlineData("1.5")]
    [InlineData("-3")]
    [InlineData("2021-06-30")]
    public void Deadline_months_that_are_not_a_whole_number_are_a_format_error(string text)
    {
        var finding = Single(DemandRules.Check(Sheet(With(DemandColumns.DeadlineMonths, text)), Round));

        Assert.Equal(("J2", DemandFindingCodes.Format), (finding.Cell, finding.Code));
    }

    [Theory]
    [InlineData("13812345678")]
    [InlineData("19912345678")]
    [InlineData("010-62345678")]
    [InlineData("01062345678")]
    [InlineData("0755-1234567")]
    [InlineData("010-62345678-8001")]
    public void Mainland_mobile_and_landline_numbers_are_accepted(string phone) =>
        Assert.Empty(DemandRules.Check(Sheet(With(DemandColumns.ContactPhone, phone)), Round).Findings);

    [Theory]
    [InlineData("12812345678")]
    [InlineData("1381234567")]
    [InlineData("138123456789")]
    [InlineData("62345678")]
    [InlineData("010-623456")]
    [InlineData("+86 13812345678")]
    [InlineData("电话待定")]
    public void Other_phone_numbers_are_a_format_error(string phone)
    {
        var finding = Single(DemandRules.Check(Sheet(With(DemandColumns.ContactPhone, phone)), Round));

        Assert.Equal(("N2", DemandFindingCodes.Format), (finding.Cell, finding.Code));
    }

    [Theory]
    [InlineData("待论证")]
    [InlineData("通过")]
    [InlineData("未通过")]
    public void A_review_status_of_the_list_is_accepted(string status) =>
        Assert.Equal(status, DemandRules.Check(Sheet(With(DemandColumns.ReviewStatus, status)), Round).Demands[0].ReviewStatus);

    [Fact]
    public void A_blank_review_status_means_pending_review()
    {
        var result = DemandRules.Check(Sheet(With(DemandColumns.ReviewStatus, " ")), Round);

        Assert.Empty(result.Findings);
        Assert.Equal(Demand.Pending, result.Demands[0].ReviewStatus);
    }

    [Theory]
    [InlineData("已通过")]
    [InlineData("pass")]
    public void Another_review_status_is_not_in_list(string status)
    {
        var finding = Single(DemandRules.Check(Sheet(With(DemandColumns.ReviewStatus, status)), Round));

        Assert.Equal(("O2", DemandFindingCodes.NotInList), (finding.Cell, finding.Code));
    }

    [Fact]
    public void A_missing_required_column_is_one_error_and_no_per_row_required_errors()
    {
        var keys = DemandColumns.All.Select(c => c.Key).Where(k => k != DemandColumns.Summary).ToList();

        var result = DemandRules.Check(SheetWith(keys, ValidRow("QL-1"), ValidRow("QL-2")), Round);

        var finding = Single(result);
        Assert.Equal((null, 1, DemandColumns.Summary, DemandFindingCodes.MissingColumn, Severity.Error), (finding.Cell, finding.Row, finding.Column, finding.Code, finding.Severity));
        Assert.Contains("需求描述", finding.Message, StringComparison.Ordinal);
        Assert.True(result.HasErrors);
        Assert.Empty(result.Demands);
    }

    [Fact]
    public void Missing_optional_columns_are_fine()
    {
        var keys = DemandColumns.All.Where(c => !c.Optional).Select(c => c.Key).ToList();

        var result = DemandRules.Check(SheetWith(keys, ValidRow()), Round);

        Assert.Empty(result.Findings);
        Assert.Single(result.Demands);
    }

    [Fact]
    public void A_sheet_without_headers_is_missing_every_required_column()
    {
        var result = DemandRules.Check(new DemandSheet([], [], 0, new Dictionary<string, string>(), []), Round);

        Assert.Equal(DemandColumns.All.Where(c => !c.Optional).Select(c => c.Key), result.Findings.Select(f => f.Column));
        Assert.All(result.Findings, f => Assert.Equal(DemandFindingCodes.MissingColumn, f.Code));
    }

    [Fact]
    public void An_unknown_column_is_a_warning_at_its_header_cell_and_does_not_block()
    {
        var sheet = Sheet(ValidRow()) with { UnknownHeaders = [new SheetHeader("备注", "P1")] };

        var result = DemandRules.Check(sheet, Round);

        var finding = Single(result);
        Assert.Equal(("P1", 1, DemandFindingCodes.UnknownColumn, Severity.Warning), (finding.Cell, finding.Row, finding.Code, finding.Severity));
        Assert.Contains("备注", finding.Message, StringComparison.Ordinal);
        Assert.False(result.HasErrors);
        Assert.Single(result.Demands);
    }

    [Fact]
    public void A_repeated_column_is_a_warning()
    {
        var sheet = Sheet(ValidRow()) with { DuplicateHeaders = [new SheetHeader("需求编号", "P1")] };

        var finding = Single(DemandRules.Check(sheet, Round));

        Assert.Equal(("P1", DemandColumns.Id, DemandFindingCodes.DuplicateColumn, Severity.Warning), (finding.Cell, finding.Column, finding.Code, finding.Severity));
    }

    [Fact]
    public void Blank_rows_are_skipped()
    {
        var blank = DemandColumns.All.ToDictionary(c => c.Key, c => (string?)"  ");

        var result = DemandRules.Check(Sheet(ValidRow("QL-1"), blank, new Dictionary<string, string?>(), ValidRow("QL-2")), Round);

        Assert.Empty(result.Findings);
        Assert.Equal(2, result.Demands.Count);
    }

    [Fact]
    public void Findings_are_ordered_by_row_then_column()
    {
        var second = ValidRow("QL-2");
        second[DemandColumns.ContactPhone] = "x";
        second[DemandColumns.Title] = null;
        var third = ValidRow("QL-3");
        third[DemandColumns.Sector] = "x";
        var sheet = Sheet(ValidRow("QL-1"), third, second) with { UnknownHeaders = [new SheetHeader("备注", "P1")] };

        var result = DemandRules.Check(sheet, Round);

        Assert.Equal(["P1", "B3", "D4", "N4"], result.Findings.Select(f => f.Cell));
    }

    [Fact]
    public void An_error_value_is_reported_once_instead_of_a_required_error()
    {
        var row = new DemandRow(2, With(DemandColumns.Title, null), Sheet(ValidRow()).Rows[0].Addresses,
            new Dictionary<string, CellIssue> { [DemandColumns.Title] = new(DemandFindingCodes.CellError, "#N/A") });

        var finding = Single(DemandRules.Check(Sheet() with { Rows = [row] }, Round));

        Assert.Equal(("D2", DemandFindingCodes.CellError), (finding.Cell, finding.Code));
        Assert.Contains("#N/A", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_formula_without_value_is_reported_even_in_an_optional_column()
    {
        var row = new DemandRow(2, ValidRow(), Sheet(ValidRow()).Rows[0].Addresses,
            new Dictionary<string, CellIssue> { [DemandColumns.SubField] = new(DemandFindingCodes.FormulaWithoutValue, "=Sheet2!B3") });

        var finding = Single(DemandRules.Check(Sheet() with { Rows = [row] }, Round));

        Assert.Equal(("C2", DemandFindingCodes.FormulaWithoutValue, Severity.Error), (finding.Cell, finding.Code, finding.Severity));
    }

    [Fact]
    public void Too_many_rows_is_one_error_and_no_demands()
    {
        var result = DemandRules.Check(DemandSheet.Stopped(DemandSheetOutcome.TooManyRows), Round);

        var finding = Single(result);
        Assert.Equal((0, DemandFindingCodes.TooManyRows, Severity.Error), (finding.Row, finding.Code, finding.Severity));
        Assert.Contains("10000", finding.Message, StringComparison.Ordinal);
        Assert.Empty(result.Demands);
    }

    [Fact]
    public void An_unreadable_sheet_is_one_error()
    {
        var finding = Single(DemandRules.Check(DemandSheet.Stopped(DemandSheetOutcome.Unreadable), Round));

        Assert.Equal(DemandFindingCodes.UnreadableWorkbook, finding.Code);
    }

    [Fact]
    public void A_workbook_of_another_round_is_a_warning()
    {
        var finding = Single(DemandRules.Check(Sheet(ValidRow()) with { RoundId = "2021-01" }, Round));

        Assert.Equal((DemandFindingCodes.RoundMismatch, Severity.Warning), (finding.Code, finding.Severity));
    }

    [Fact]
    public void Every_finding_has_a_chinese_and_an_english_message()
    {
        var row = ValidRow();
        foreach (var key in row.Keys.ToList())
        {
            row[key] = "？";
        }

        var result = DemandRules.Check(Sheet(row, ValidRow("？"), new() { [DemandColumns.Id] = "QL-9" }) with { UnknownHeaders = [new SheetHeader("备注", "P1")] }, Round);

        Assert.Superset(
            new HashSet<string> { DemandFindingCodes.UnknownColumn, DemandFindingCodes.NotInList, DemandFindingCodes.Format, DemandFindingCodes.DuplicateId, DemandFindingCodes.Required },
            result.Findings.Select(f => f.Code).ToHashSet());
        Assert.All(result.Findings, f =>
        {
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", f.Message);
            Assert.EndsWith("。", f.Message, StringComparison.Ordinal);
            // English messages quote the Chinese values they are about, so check for English prose instead.
            Assert.Matches("^[A-Z].*[a-z]{4,} [a-z]{2,}", f.MessageEn);
            Assert.DoesNotContain("。", f.MessageEn, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_add_in_table_gives_rows_from_1_and_no_cells()
    {
        var headers = DemandColumns.All.Select(c => (string?)c.Header).Append("备注").ToList();
        var first = DemandColumns.All.Select(c => ValidRow()[c.Key]).Append("x").ToList();
        var second = DemandColumns.All.Select(c => c.Key == DemandColumns.Title ? null : ValidRow("QL-2")[c.Key]).ToList();
        var blank = headers.Select(_ => (string?)" ").ToList();

        var result = DemandRules.Check(DemandSheet.FromTable(headers, [first, blank, second]), Round);

        Assert.Equal(
            [(0, (string?)null, DemandFindingCodes.UnknownColumn), (3, null, DemandFindingCodes.Required)],
            result.Findings.Select(f => (f.Row, f.Cell, f.Code)));
        Assert.Contains("第3行", result.Findings[1].Message, StringComparison.Ordinal);
        Assert.Single(result.Demands);
    }

    [Fact]
    public void The_add_in_table_with_more_than_the_limit_stops()
    {
        var rows = Enumerable.Range(0, DemandColumns.MaxRows + 1).Select(_ => (IReadOnlyList<string?>)["x"]).ToList();

        Assert.True(DemandSheet.FromTable(["需求编号"], rows).TooManyRows);
    }

    [Theory]
    [InlineData("完成时限（月）", DemandColumns.DeadlineMonths)]
    [InlineData("完成时限(月)", DemandColumns.DeadlineMonths)]
    [InlineData(" 完成时限 （月） ", DemandColumns.DeadlineMonths)]
    [InlineData("发榜企业\n统一社会信用代码", DemandColumns.IssuerCreditCode)]
    [InlineData("Demand id", DemandColumns.Id)]
    [InlineData("reviewStatus", DemandColumns.ReviewStatus)]
    public void Headers_match_ignoring_spaces_case_and_bracket_width(string header, string key) =>
        Assert.Equal(key, DemandColumns.Match(header)?.Key);

    [Theory]
    [InlineData(1, 1, "A1")]
    [InlineData(26, 7, "Z7")]
    [InlineData(27, 10, "AA10")]
    [InlineData(16384, 1048576, "XFD1048576")]
    public void Cell_addresses_convert_both_ways(int column, int row, string address)
    {
        Assert.Equal(address, CellAddress.Of(column, row));
        Assert.Equal((column, row), CellAddress.Parse(address));
    }

    private static string? DemandValue(Demand demand, string key) => key switch
    {
        DemandColumns.SubField => demand.SubField,
        DemandColumns.CoIssuers => demand.CoIssuers,
        DemandColumns.CommittedVolume => demand.CommittedVolume,
        _ => throw new ArgumentOutOfRangeException(nameof(key)),
    };
}
