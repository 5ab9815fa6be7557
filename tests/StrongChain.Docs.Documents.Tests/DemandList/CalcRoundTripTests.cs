using StrongChain.Docs.Documents.DemandList;
using StrongChain.Docs.Documents.Packages;
using StrongChain.Docs.Documents.Tests.Support;
using StrongChain.Docs.Domain.DemandList;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Documents.Tests.DemandList;

/// <summary>LibreOffice Calc (another consumer of our .xlsx) opens the template and saves it again; we read what it saved.</summary>
public sealed class CalcRoundTripTests
{
    [Fact]
    public async Task Template_opened_and_saved_by_Calc_reads_back_as_the_same_demands()
    {
        var work = Directory.CreateTempSubdirectory("sc-calc-");
        try
        {
            var input = Path.Combine(work.FullName, "in", "demands.xlsx");
            Directory.CreateDirectory(Path.GetDirectoryName(input)!);
            await File.WriteAllBytesAsync(input, DemandWorkbooks.Template());

            var saved = await Soffice.ConvertAsync(input, "xlsx:Calc MS Excel 2007 XML", "xlsx", work.FullName);

            var sheet = DemandWorkbookReader.Read(await File.ReadAllBytesAsync(saved), PackageLimits.Default);
            var import = DemandRules.Check(sheet, DemandWorkbooks.Round);
            Assert.DoesNotContain(import.Findings, f => f.Severity == Domain.Findings.Severity.Error);
            Assert.Equal(DemandWorkbooks.Demands, import.Demands);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
