using System.Diagnostics;
using StrongChain.Docs.Documents.Templates;
using StrongChain.Docs.Testing;

// Regenerates tests/StrongChain.Docs.Testing/Assets/Forms from the template writer and SampleForms.
var root = FindRepositoryRoot(args.Length > 0 ? args[0] : Directory.GetCurrentDirectory());
var target = Path.Combine(root, "tests", "StrongChain.Docs.Testing", "Assets");

var round = SampleProgramme.FirstBatch;
var demand = SampleProgramme.RoboticArm;
Write(TestForms.Template, ApplicationFormTemplate.Build(round, demand));
Write(TestForms.CompleteValid, Bytes(SampleForms.CompleteValidForm(round, demand)));
Write(TestForms.WordQuirks, Bytes(SampleForms.WordQuirks(round, demand)));
Write(TestForms.CustomXmlStripped, Bytes(SampleForms.CustomXmlStripped(round, demand)));
Write(TestForms.MissingFields, Bytes(SampleForms.MissingFields(round, demand)));
Write(TestForms.TwoCoApplicants, Bytes(SampleForms.TwoCoApplicants(round, demand)));
Write(TestForms.TagsStripped, Bytes(SampleForms.TagsStripped(round, demand)));
Write(TestForms.LayoutLost, Bytes(SampleForms.LayoutLost(round, demand)));

// Progress reports (issue 12).
Write(TestReports.Template, SampleReports.Template());
Write(TestReports.OtherMilestone, SampleReports.Template(milestone: 2));
Write(TestReports.Complete, Bytes(SampleReports.Filled()));
Write(TestReports.WordEdited, Bytes(SampleReports.WordEdited()));

// Real round trips through LibreOffice (Debian libreoffice-writer-nogui); skipped with a note where soffice is missing.
var work = Path.Combine(Path.GetTempPath(), "strongchain-fixtures-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(work);
try
{
    var profile = "file://" + Path.Combine(work, "profile");
    var once = Convert(File.ReadAllBytes(Path.Combine(target, TestForms.CompleteValid)), "docx", "docx:MS Word 2007 XML");
    Write(TestForms.LibreOfficeDocx, once);
    Write(TestForms.LibreOfficeTwice, Convert(once, "docx", "docx:MS Word 2007 XML"));
    var odt = Convert(File.ReadAllBytes(Path.Combine(target, TestForms.CompleteValid)), "docx", "odt");
    Write(TestForms.LibreOfficeOdtDocx, Convert(odt, "odt", "docx:MS Word 2007 XML"));
    Write(TestForms.LibreOfficeTwoCoApplicants, Convert(File.ReadAllBytes(Path.Combine(target, TestForms.TwoCoApplicants)), "docx", "docx:MS Word 2007 XML"));
    Write(TestForms.LibreOfficeMissingFields, Convert(File.ReadAllBytes(Path.Combine(target, TestForms.MissingFields)), "docx", "docx:MS Word 2007 XML"));
    Write(TestReports.LibreOffice, Convert(File.ReadAllBytes(Path.Combine(target, TestReports.Complete)), "docx", "docx:MS Word 2007 XML"));

    byte[] Convert(byte[] input, string inputExtension, string filter)
    {
        var job = Path.Combine(work, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(job);
        var source = Path.Combine(job, "form." + inputExtension);
        File.WriteAllBytes(source, input);
        var output = Path.Combine(job, "out");
        var start = new ProcessStartInfo("soffice") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--headless", "-env:UserInstallation=" + profile, "--convert-to", filter, "--outdir", output, source })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("soffice did not start.");
        process.WaitForExit(120_000);
        var extension = filter.Split(':')[0];
        var result = Path.Combine(output, "form." + extension);
        return process.ExitCode == 0 && File.Exists(result)
            ? File.ReadAllBytes(result)
            : throw new InvalidOperationException($"soffice failed ({process.ExitCode}): {process.StandardError.ReadToEnd()}");
    }
}
catch (System.ComponentModel.Win32Exception)
{
    Console.WriteLine("soffice not found: the LibreOffice fixtures were left as they are (apt-get install libreoffice-writer-nogui).");
}
finally
{
    Directory.Delete(work, recursive: true);
}

return 0;

static byte[] Bytes(FormFiller filler)
{
    using (filler)
    {
        return filler.ToBytes();
    }
}

void Write(string relative, byte[] bytes)
{
    var path = Path.Combine(target, relative);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllBytes(path, bytes);
    Console.WriteLine($"{Path.GetRelativePath(root, path)} ({bytes.Length} bytes)");
}

static string FindRepositoryRoot(string start)
{
    for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "StrongChain.Docs.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException($"No StrongChain.Docs.sln above {start}.");
}
