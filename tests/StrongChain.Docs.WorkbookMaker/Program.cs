using System.Diagnostics;
using StrongChain.Docs.Testing;

// Usage: dotnet run --project tests/StrongChain.Docs.WorkbookMaker [-- [--no-calc] [output-dir]]
// Writes every generated fixture, then has LibreOffice Calc re-save the template (needs libreoffice-calc-nogui).
var skipCalc = args.Contains("--no-calc");
var outputRoot = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? Path.Combine(FindRepositoryRoot(), "tests", "StrongChain.Docs.Testing", "Assets");

foreach (var (name, make) in DemandWorkbooks.All)
{
    var path = Path.Combine(outputRoot, name);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllBytes(path, make());
    Console.WriteLine($"wrote {path}");
}

if (skipCalc)
{
    return 0;
}

var work = Directory.CreateTempSubdirectory("workbook-maker-");
try
{
    var source = Path.Combine(work.FullName, "resaved-by-calc.xlsx");
    File.WriteAllBytes(source, DemandWorkbooks.Template());
    var outDir = Path.Combine(work.FullName, "out");
    // A private profile per run: two soffice processes sharing one can lose a file while exiting 0.
    var start = new ProcessStartInfo("soffice")
    {
        ArgumentList =
        {
            "--headless", $"-env:UserInstallation=file://{Path.Combine(work.FullName, "profile")}",
            "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, source,
        },
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    using var process = Process.Start(start) ?? throw new InvalidOperationException("soffice did not start.");
    var output = process.StandardOutput.ReadToEndAsync();
    var errors = process.StandardError.ReadToEndAsync();
    if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
    {
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("soffice took more than two minutes.");
    }

    Console.WriteLine(await output);
    var converted = Path.Combine(outDir, "resaved-by-calc.xlsx");
    if (!File.Exists(converted))
    {
        Console.Error.WriteLine(await errors);
        Console.Error.WriteLine("soffice wrote no xlsx: is the Calc component (libreoffice-calc-nogui) installed?");
        return 1;
    }

    var target = Path.Combine(outputRoot, TestWorkbooks.ReSavedByCalc);
    File.Copy(converted, target, overwrite: true);
    Console.WriteLine($"wrote {target}");
    return 0;
}
finally
{
    work.Delete(recursive: true);
}

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "StrongChain.Docs.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository (StrongChain.Docs.sln not found).");
}
