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
