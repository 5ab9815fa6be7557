using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using StrongChain.Docs.Documents.Bulletins;
using StrongChain.Docs.Documents.ContentControls;
using StrongChain.Docs.Documents.DemandList;
using StrongChain.Docs.Documents.Packages;
using StrongChain.Docs.Documents.Rendering;
using StrongChain.Docs.Domain.Bulletins;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Benchmarks;

/// <summary>
/// Our readers and writers against the tools people would use instead, on the same inputs in one run
/// (<c>scripts/bench-peers.sh</c>): (1) content controls, python-docx/lxml; (2) a 1,000-row table, docxtemplater;
/// (3) 5,000 demand rows, openpyxl read-only; (4) the first batch's bulletin as PDF, plain <c>soffice --convert-to pdf</c>.
/// Each round runs ours in process and then the peer as a child process (which times its own calls after a warm-up,
/// so interpreter start-up is not counted), so load from other work falls on both alike; medians over all rounds.
/// </summary>
internal static class PeerComparison
{
    private const int LargeFormTeamMembers = 60;
    private const int LargeFormCoApplicants = 12;
    private const int LargeFormTaskLength = 3400;

    public static async Task<int> RunAsync(PeerOptions options)
    {
        Directory.CreateDirectory(options.Work);
        var inputs = Inputs.Write(options.Work);
        await Tool(options.Python, ["make_table_template.py", inputs.TemplatePath], options);
        var rows = new List<Row>();
        var load = new List<string> { File.ReadAllText("/proc/loadavg").Trim() };

        Console.Error.WriteLine($"inputs in {options.Work}: word-quirks {inputs.WordQuirks.Length / 1024} KB, large form {inputs.LargeForm.Length / 1024} KB ({inputs.LargeFormControls} controls), demands.xlsx {inputs.Workbook.Length / 1024} KB");

        // (1) Content controls.
        var quirks = new Pair("(1) content controls of word-quirks.docx", "ContentControlReader.Read", "python-docx + lxml");
        var large = new Pair($"(1) content controls of large-form.docx ({inputs.LargeForm.Length / 1024} KB)", "ContentControlReader.Read", "python-docx + lxml");
        // (2) 1,000-row table.
        var table = new Pair("(2) 1,000 demands into a .docx", "BulletinDocument (compose + write)", "docxtemplater 1,000-row table");
        // (3) 5,000 rows.
        var workbook = new Pair("(3) read 5,000 demand rows from .xlsx", "DemandWorkbookReader (guard + read)", "openpyxl read-only");
        for (var round = 0; round < options.Rounds; round++)
        {
            Console.Error.WriteLine($"round {round + 1}/{options.Rounds}, load {File.ReadAllText("/proc/loadavg").Trim()}");
            Measure(quirks, () => ContentControlReader.Read(inputs.WordQuirks).Count, round == 0 ? 300 : 30, 100);
            Measure(large, () => ContentControlReader.Read(inputs.LargeForm).Count, round == 0 ? 100 : 10, 40);
            var controls = await Peer(options.Python, ["peer_docx_controls.py", "20", round == 0 ? "5" : "2", inputs.WordQuirksPath, inputs.LargeFormPath], options);
            AddPeer(quirks, controls.GetProperty(inputs.WordQuirksPath));
            AddPeer(large, controls.GetProperty(inputs.LargeFormPath));
            quirks.Note = $"{ContentControlReader.Read(inputs.WordQuirks).Count} controls (peer {controls.GetProperty(inputs.WordQuirksPath).GetProperty("controls").GetInt32()})";
            large.Note = $"{ContentControlReader.Read(inputs.LargeForm).Count} controls (peer {controls.GetProperty(inputs.LargeFormPath).GetProperty("controls").GetInt32()})";

            Measure(table, () => BulletinDocument.Build(BulletinContent.Compose(DemandSamples.FirstRound, inputs.Thousand)).Length, round == 0 ? 10 : 2, 8);
            var filled = await Peer(options.Node, ["peer_fill_table.js", "8", round == 0 ? "10" : "2", inputs.TemplatePath, inputs.RowsPath, Path.Combine(options.Work, "docxtemplater-out.docx")], options);
            AddPeer(table, filled);
            table.Note = $"ours: two sector tables of 500 rows + 1,000 detail entries ({inputs.ThousandBulletin.Length / 1024} KB); peer: one table of 1,000 rows ({filled.GetProperty("bytes").GetInt32() / 1024} KB)";

            Measure(workbook, () => ReadWorkbook(inputs.Workbook), round == 0 ? 5 : 1, 5);
            var read = await Peer(options.Python, ["peer_xlsx_rows.py", "3", round == 0 ? "1" : "0", inputs.WorkbookPath], options);
            AddPeer(workbook, read);
            workbook.Note = $"{ReadWorkbook(inputs.Workbook)} demands (peer {read.GetProperty("rows").GetInt32()} non-empty rows with the header)";
        }

        rows.AddRange([quirks.Result(), large.Result(), table.Result(), workbook.Result()]);
        if (options.PdfRuns > 0)
        {
            rows.AddRange(await PdfAsync(inputs, options));
        }

        load.Add(File.ReadAllText("/proc/loadavg").Trim());
        Print(rows, load, options);
        return 0;
    }

    private static int ReadWorkbook(byte[] bytes) => DemandWorkbookReader.Read(bytes, PackageLimits.Default).Rows.Count;

    /// <summary>
    /// (4): our renderer cold (new profile, its resident LibreOffice started in the run) and warm (cache miss, converted by the
    /// resident LibreOffice already running) against plain soffice on a made profile.
    /// </summary>
    private static async Task<IEnumerable<Row>> PdfAsync(Inputs inputs, PeerOptions options)
    {
        var cold = new List<double>();
        var warm = new List<double>();
        var plain = new List<double>();
        var profile = Path.Combine(options.Work, "soffice-profile");
        var output = Path.Combine(options.Work, "soffice-out");
        Directory.CreateDirectory(output);
        // Plain soffice's first run makes its profile; it is not counted, as a user's LibreOffice has one already.
        await Soffice(options.Soffice, profile, inputs.FirstBatchPath, output);
        for (var run = 0; run < options.PdfRuns; run++)
        {
            Console.Error.WriteLine($"pdf run {run + 1}/{options.PdfRuns}, load {File.ReadAllText("/proc/loadavg").Trim()}");
            var directory = Path.Combine(options.Work, "renderer-" + run.ToString(CultureInfo.InvariantCulture));
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            using (var renderer = new PdfRenderer(new PdfRendererOptions { Directory = directory, Workers = 1, Soffice = options.Soffice }))
            {
                cold.Add(await TimeAsync(() => renderer.RenderAsync(inputs.FirstBatch, CancellationToken.None)));
                // Same bytes again, the cached PDF removed: a cache miss on the now made profile.
                foreach (var file in Directory.GetFiles(Path.Combine(directory, "cache")))
                {
                    File.Delete(file);
                }

                warm.Add(await TimeAsync(() => renderer.RenderAsync(inputs.FirstBatch, CancellationToken.None)));
            }

            Directory.Delete(directory, recursive: true);
            plain.Add(await TimeAsync(() => Soffice(options.Soffice, profile, inputs.FirstBatchPath, output)));
        }

        var peer = Median(plain);
        return
        [
            new Row("(4) first batch bulletin → PDF, warm", "PdfRenderer, resident LibreOffice running, cache miss", Median(warm), null, "plain soffice --convert-to pdf", peer, null, null, $"{options.PdfRuns} runs each"),
            new Row("(4) first batch bulletin → PDF, cold", "PdfRenderer, new profile, LibreOffice started", Median(cold), null, "plain soffice --convert-to pdf", peer, null, null, "profile made in the run"),
        ];
    }

    private static async Task<byte[]> Soffice(string soffice, string profile, string docx, string output)
    {
        var start = new ProcessStartInfo(soffice)
        {
            ArgumentList = { "-env:UserInstallation=" + new Uri(profile + "/").AbsoluteUri, "--headless", "--convert-to", "pdf", "--outdir", output, docx },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var pdf = await File.ReadAllBytesAsync(Path.Combine(output, Path.GetFileNameWithoutExtension(docx) + ".pdf"));
        return pdf.AsSpan().StartsWith("%PDF"u8) ? pdf : throw new InvalidOperationException("soffice wrote no PDF");
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static readonly Process Self = Process.GetCurrentProcess();

    /// <summary>Wall time of each call into the pair's list; process CPU time and bytes allocated beside it.</summary>
    private static void Measure(Pair pair, Func<int> call, int warmUp, int iterations)
    {
        // The first round warms up for at least two seconds as well, so tiered JIT has settled on optimised code.
        var warming = Stopwatch.StartNew();
        for (var i = 0; i < warmUp || (pair.Ours.Count == 0 && warming.Elapsed < TimeSpan.FromSeconds(2)); i++)
        {
            call();
        }

        for (var i = 0; i < iterations; i++)
        {
            Self.Refresh();
            var cpu = Self.TotalProcessorTime;
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            call();
            pair.Ours.Add(watch.Elapsed.TotalMilliseconds);
            pair.Allocations.Add(GC.GetAllocatedBytesForCurrentThread() - before);
            Self.Refresh();
            pair.OursCpu.Add((Self.TotalProcessorTime - cpu).TotalMilliseconds);
        }
    }

    private static async Task<JsonElement> Peer(string program, string[] arguments, PeerOptions options) =>
        JsonDocument.Parse(await Tool(program, arguments, options)).RootElement.Clone();

    private static async Task<string> Tool(string program, string[] arguments, PeerOptions options)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = options.Scripts,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NODE_PATH"] = options.NodeModules;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await stderr}");
        }

        return await stdout;
    }

    private static void AddPeer(Pair pair, JsonElement result)
    {
        pair.Peer.AddRange(result.GetProperty("ms").EnumerateArray().Select(e => e.GetDouble()));
        pair.PeerCpu.AddRange(result.GetProperty("cpu").EnumerateArray().Select(e => e.GetDouble()));
    }

    private static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static void Print(List<Row> rows, List<string> load, PeerOptions options)
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        Console.WriteLine($"Machine: {model}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; " +
            $"load average at start {load[0]}, at end {load[^1]}; {options.Rounds} rounds, {options.PdfRuns} PDF runs; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine();
        Console.WriteLine("Wall = median elapsed time per call; CPU = median process CPU time per call (all threads: JIT and GC");
        Console.WriteLine("included), which a shared machine's load distorts far less. The goal is judged on CPU time where both are");
        Console.WriteLine("measured (on wall time for the PDF rows, where the work is in LibreOffice's processes).");
        Console.WriteLine();
        Console.WriteLine("| pair | ours | wall | CPU | allocated/op | peer | wall | CPU | ours/peer wall | ours/peer CPU | goal ≤ 0.5 | notes |");
        Console.WriteLine("|---|---|---:|---:|---:|---|---:|---:|---:|---:|:---:|---|");
        foreach (var row in rows)
        {
            var wall = row.Ours / row.Peer;
            double? cpu = row.OursCpu is { } o && row.PeerCpu is { } p ? o / p : null;
            var judged = cpu ?? wall;
            var goal = row.Pair.Contains("cold", StringComparison.Ordinal) ? "(none)" : judged <= 0.5 ? "met" : "**not met**";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Pair} | {row.OursName} | {Ms(row.Ours)} | {Ms(row.OursCpu)} | {(row.Allocated is { } a ? Kb(a) : "")} | {row.PeerName} | {Ms(row.Peer)} | {Ms(row.PeerCpu)} | {wall:F2} | {(cpu is { } c ? c.ToString("F2", CultureInfo.InvariantCulture) : "")} | {goal} | {row.Note} |"));
        }
    }

    private static string Ms(double? value) => value is not { } ms ? "" : ms >= 100 ? ms.ToString("N0", CultureInfo.InvariantCulture) + " ms" : ms.ToString("0.00", CultureInfo.InvariantCulture) + " ms";

    private static string Kb(double bytes) => (bytes / 1024).ToString("N0", CultureInfo.InvariantCulture) + " KB";

    /// <summary>One line of the table: wall-time medians, and process CPU-time medians where both sides run in their own process.</summary>
    private sealed record Row(string Pair, string OursName, double Ours, double? OursCpu, string PeerName, double Peer, double? PeerCpu, double? Allocated, string Note);

    private sealed class Pair(string name, string ours, string peer)
    {
        public List<double> Ours { get; } = [];
        public List<double> Peer { get; } = [];
        public List<double> Allocations { get; } = [];
        public List<double> OursCpu { get; } = [];
        public List<double> PeerCpu { get; } = [];
        public string Note { get; set; } = "";

        public Row Result() => new(name, ours, Median(Ours), Median(OursCpu), peer, Median(Peer), Median(PeerCpu), Median(Allocations), Note);
    }

    /// <summary>The inputs both sides read, written to the work folder so the peers read the very same bytes.</summary>
    private sealed class Inputs
    {
        public required byte[] WordQuirks { get; init; }
        public required string WordQuirksPath { get; init; }
        public required byte[] LargeForm { get; init; }
        public required string LargeFormPath { get; init; }
        public required int LargeFormControls { get; init; }
        public required IReadOnlyList<Demand> Thousand { get; init; }
        public required byte[] ThousandBulletin { get; init; }
        public required string TemplatePath { get; init; }
        public required string RowsPath { get; init; }
        public required byte[] Workbook { get; init; }
        public required string WorkbookPath { get; init; }
        public required byte[] FirstBatch { get; init; }
        public required string FirstBatchPath { get; init; }

        public static Inputs Write(string folder)
        {
            string Save(string name, byte[] bytes)
            {
                var path = Path.Combine(folder, name);
                File.WriteAllBytes(path, bytes);
                return path;
            }

            var quirks = TestAssets.Read(TestForms.WordQuirks);
            var large = MakeLargeForm();
            var thousand = DemandSamples.Generated(1000);
            var content = BulletinContent.Compose(DemandSamples.FirstRound, thousand);
            // docxtemplater gets the very rows of the bulletin's sector tables.
            var tableRows = content.Sections.SelectMany(s => s.Blocks).OfType<BulletinTable>().SelectMany(t => t.Rows)
                .Select(r => new { number = r.Number.ToString(CultureInfo.InvariantCulture), demandId = r.DemandId, title = r.Title, issuer = r.Issuer });
            var rowsPath = Path.Combine(folder, "rows-1000.json");
            File.WriteAllText(rowsPath, JsonSerializer.Serialize(new { title = content.Title, rows = tableRows }));
            var round = DemandSamples.FirstRound with { Id = "bench" };
            var workbook = DemandWorkbookTemplate.Build(round, [.. Enumerable.Range(0, 5000)
                .Select(i => DemandSamples.FirstBatch[i % DemandSamples.FirstBatch.Count] with { Id = $"BENCH-{i:D5}", RoundId = round.Id })]);
            var firstBatch = BulletinDocument.Build(BulletinContent.Compose(DemandSamples.FirstRound, DemandSamples.Published));
            return new Inputs
            {
                WordQuirks = quirks,
                WordQuirksPath = Save("word-quirks.docx", quirks),
                LargeForm = large,
                LargeFormPath = Save("large-form.docx", large),
                LargeFormControls = ContentControlReader.Read(large).Count,
                Thousand = thousand,
                ThousandBulletin = BulletinDocument.Build(content),
                TemplatePath = Path.Combine(folder, "table-template.docx"),
                RowsPath = rowsPath,
                Workbook = workbook,
                WorkbookPath = Save("demands-5000.xlsx", workbook),
                FirstBatch = firstBatch,
                FirstBatchPath = Save("first-batch.docx", firstBatch),
            };
        }

        /// <summary>
        /// A ~95 KB real-world-sized filled form: the word-quirks form (Word's shapes) with a consortium of
        /// <see cref="LargeFormCoApplicants"/> joint applicants, each with a long task description, and a team of
        /// <see cref="LargeFormTeamMembers"/> people. The descriptions are seeded pseudo-random Chinese text, so the file
        /// compresses like prose rather than like repeated text. Deterministic.
        /// </summary>
        private static byte[] MakeLargeForm()
        {
            var random = new Random(14);
            string Prose(int length) => string.Create(length, random, (span, r) =>
            {
                for (var c = 0; c < span.Length; c++)
                {
                    span[c] = c % 24 == 23 ? '。' : c % 8 == 7 ? '，' : (char)(0x4E00 + r.Next(0, 2500));
                }
            });

            using var filler = SampleForms.WordQuirks();
            for (var i = filler.ItemCount("coApplicants"); i < LargeFormCoApplicants; i++)
            {
                filler.AddRepeatItem("coApplicants");
            }

            for (var i = 1; i < LargeFormCoApplicants; i++)
            {
                filler.SetIn("coApplicants", i, "coApplicant.name", $"示例联合单位{i:D2}")
                    .SetIn("coApplicants", i, "coApplicant.task", Prose(LargeFormTaskLength))
                    .SetIn("coApplicants", i, "coApplicant.contactName", $"示例联系人{i:D2}")
                    .SetIn("coApplicants", i, "coApplicant.contactPhone", $"010-6278{i:D4}");
            }

            for (var i = filler.ItemCount("team"); i < LargeFormTeamMembers; i++)
            {
                filler.AddRepeatItem("team")
                    .SetIn("team", i, "member.name", $"示例成员{i:D3}")
                    .SetIn("team", i, "member.title", i % 3 == 0 ? "高级工程师" : "研究员")
                    .SetIn("team", i, "member.organization", $"示例联合单位{i % LargeFormCoApplicants:D2}");
            }

            return filler.ToBytes();
        }
    }
}

/// <summary>Paths and counts of a peer comparison run (arguments of the <c>peers</c> mode).</summary>
internal sealed record PeerOptions(string Work, string Scripts, string Python, string Node, string NodeModules, string Soffice, int Rounds, int PdfRuns)
{
    public static PeerOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        return new PeerOptions(
            Value("--work", Path.Combine(Path.GetTempPath(), "sc-peers")),
            Value("--scripts", Path.GetFullPath("scripts/peers")),
            Value("--python", "/usr/bin/python3"),
            Value("--node", "node"),
            Value("--node-modules", ""),
            Value("--soffice", "soffice"),
            int.Parse(Value("--rounds", "5"), CultureInfo.InvariantCulture),
            int.Parse(Value("--pdf-runs", "5"), CultureInfo.InvariantCulture));
    }
}
