using System.Text.Json;
using StrongChain.Docs.Documents.FilledForms;
using StrongChain.Docs.Documents.Templates;
using StrongChain.Docs.Domain.Forms;
using StrongChain.Docs.Domain.Records;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Documents.Tests.Templates;

/// <summary>The .docx made from a record reads back (streaming reader, record builder) as the same record.</summary>
public sealed class RecordDocumentTests
{
    private const string Han = "强链工程揭榜单位技术需求方案研发机械臂医用控制算法传感器北京上海中关村示例有限公司大学研究院测试验证样机集成";
    private const string CodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 60)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_generated_record_written_as_docx_reads_back_as_the_same_record(int seed)
    {
        var record = Generate(new Random(seed));

        var docx = RecordDocument.Build(SampleProgramme.FirstBatch, SampleProgramme.RoboticArm, record);
        var read = ApplicationRecordBuilder.Build(FilledFormReader.Read(docx));

        Assert.Empty(read.Findings);
        Assert.Equal(JsonSerializer.Serialize(record), JsonSerializer.Serialize(read.Record));
    }

    [Fact]
    public void The_complete_sample_record_makes_a_form_with_the_same_check_as_the_one_filled_in_Word()
    {
        var word = FilledFormReader.Read(TestAssets.Read(TestForms.CompleteValid));
        var record = ApplicationRecordBuilder.Build(word).Record with { Signature = ApplicationRecordBuilder.Build(word).Record.Signature with { SealPresent = false } };

        var docx = RecordDocument.Build(SampleProgramme.FirstBatch, SampleProgramme.RoboticArm, record);

        Assert.Equal(JsonSerializer.Serialize(record), JsonSerializer.Serialize(ApplicationRecordBuilder.Build(FilledFormReader.Read(docx)).Record));
    }

    [Fact]
    public void The_same_record_makes_the_same_bytes()
    {
        var record = Generate(new Random(7));

        Assert.Equal(
            RecordDocument.Build(SampleProgramme.FirstBatch, SampleProgramme.RoboticArm, record),
            RecordDocument.Build(SampleProgramme.FirstBatch, SampleProgramme.RoboticArm, record));
    }

    /// <summary>A record as the builder would make it: trimmed texts (with inner tabs and line breaks), typed values, no empty items.</summary>
    private static ApplicationRecord Generate(Random random)
    {
        var round = SampleProgramme.FirstBatch;
        var demand = SampleProgramme.RoboticArm;
        string? Text(int max = 30) => random.Next(8) == 0 ? null : Words(random, max);
        string? Option(IReadOnlyList<string> options) => random.Next(8) == 0 ? null : options[random.Next(options.Count)];
        DateOnly? Date() => random.Next(8) == 0 ? null : new DateOnly(1990, 1, 1).AddDays(random.Next(15000));
        decimal? Amount() => random.Next(8) == 0 ? null : new decimal(random.Next(0, 100_000_000), 0, 0, false, 2);
        int? Integer() => random.Next(8) == 0 ? null : random.Next(0, 100_000);
        string? Code() => random.Next(8) == 0 ? null : new string([.. Enumerable.Range(0, 18).Select(_ => CodeAlphabet[random.Next(CodeAlphabet.Length)])]);
        string? Digits() => random.Next(8) == 0 ? null : "1" + string.Concat(Enumerable.Range(0, 10).Select(_ => random.Next(10)));
        List<T> Items<T>(int min, int max, Func<T> make) => [.. Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => make())];

        return new ApplicationRecord(
            new FormIdentity(ApplicationForm.TemplateVersion, round.Id, demand.Id),
            new DemandFacts(demand.Id, demand.Title, demand.Issuer, demand.Sector, round.Id),
            new LeadApplicant(Text(), Code(), Option(ApplicationForm.OrgTypes), Option(ApplicationForm.Regions), Text(8), Date(), Text(),
                Text(6), Digits(), random.Next(8) == 0 ? null : $"user{random.Next(1000)}@example.com", Integer(), Integer(), Amount(), Amount(), Text(200)),
            Items(0, 4, () => new CoApplicant(Words(random, 20), Code(), Option(ApplicationForm.OrgTypes), Option(ApplicationForm.Regions), Text(100), Text(6), Digits())),
            new Declarations(random.Next(2) == 0, random.Next(2) == 0, random.Next(2) == 0, random.Next(2) == 0),
            Text(),
            new TechnicalPlan(Text(300), Text(300), Text(300), Text(6), Text(10), Digits(), Date(), Date(),
                Items(0, 5, () => new Indicator(Words(random, 20), Text(10))),
                Items(0, 5, () => new Milestone(Words(random, 20), Date(), Text(20))),
                Items(0, 6, () => new TeamMember(Words(random, 6), Text(8), Text(20), Text(10)))),
            new Budget(Amount(), Amount(), Amount(), Amount(),
                Items(0, 6, () => new BudgetItem(ApplicationForm.BudgetCategories[random.Next(ApplicationForm.BudgetCategories.Count)], Amount(), Text(20)))),
            new Signature(Text(8), false, Date()));
    }

    /// <summary>2..max characters of Chinese text and digits, with single tabs and line breaks inside (never at either end).</summary>
    private static string Words(Random random, int max)
    {
        var length = random.Next(2, Math.Max(3, max + 1));
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            var roll = random.Next(40);
            chars[i] = i > 0 && i < length - 1 && chars[i - 1] is not '\t' and not '\n' && roll == 0 ? '\t'
                : i > 0 && i < length - 1 && chars[i - 1] is not '\t' and not '\n' && roll == 1 ? '\n'
                : roll < 6 ? (char)('0' + random.Next(10))
                : Han[random.Next(Han.Length)];
        }

        return new string(chars);
    }
}
