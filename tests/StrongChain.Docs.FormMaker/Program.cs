using StrongChain.Docs.Domain.Forms;
using StrongChain.Docs.Testing;

// Usage: dotnet StrongChain.Docs.FormMaker.dll <template.docx> <out.docx> [creditCode]
// Fills a template (any demand, as GET /api/templates/application wrote it) the way SampleForms fills the fixtures, with
// every declaration ticked and the seal set, so the add-in's end-to-end tests can submit a form of the open demo round.
// Usage: dotnet StrongChain.Docs.FormMaker.dll report <report-form.docx> <out.docx>
// Fills a progress report form (GET /api/consortia/{id}/milestones/{n}/report-form) with SampleReports.CompleteValues.
if (args.Length == 3 && args[0] == "report")
{
    using var report = SampleReports.Filled(await File.ReadAllBytesAsync(args[1]));
    var filled = report.ToBytes();
    await File.WriteAllBytesAsync(args[2], filled);
    Console.WriteLine($"{args[2]} ({filled.Length} bytes)");
    return 0;
}

if (args.Length is < 2 or > 3)
{
    await Console.Error.WriteLineAsync("usage: StrongChain.Docs.FormMaker <template.docx> <out.docx> [creditCode]");
    return 2;
}

using var filler = FormFiller.Open(await File.ReadAllBytesAsync(args[0]));
SampleForms.Fill(filler, SampleForms.CompleteValidValues);
foreach (var tag in ApplicationForm.Declarations.Select(d => d.Tag))
{
    filler.Check(tag);
}

// Signed today (Beijing time): the demo round's window is around today, the fixtures' date is in 2021.
var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
filler.SetPicture("sign.seal")
    .Set("applicant.creditCode", args.Length == 3 ? args[2] : SampleForms.ApplicantCreditCode)
    .Set("sign.date", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
var bytes = filler.ToBytes();
await File.WriteAllBytesAsync(args[1], bytes);
Console.WriteLine($"{args[1]} ({bytes.Length} bytes)");
return 0;
