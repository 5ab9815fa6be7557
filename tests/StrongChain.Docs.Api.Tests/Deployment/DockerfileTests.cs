using System.Text.RegularExpressions;
using StrongChain.Docs.Api.Tests.Support;

namespace StrongChain.Docs.Api.Tests.Deployment;

/// <summary>
/// No Docker engine runs where the tests run, so the image is not built here: these tests keep the Dockerfile's steps equal to
/// the scripts that are run (scripts/build-addin.sh, publish.sh, install-deps.sh) and compose.yaml's settings to the documented ones.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly Dockerfile Image = Dockerfile.Parse(RepositoryFiles.Read("Dockerfile"));

    [SqlitePassFact]
    public void Three_stages_node_build_dotnet_publish_and_runtime()
    {
        Assert.Equal(["addin", "publish", "runtime"], Image.Stages);
        Assert.StartsWith("node:20", Image.All("addin", "FROM").Single(), StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", Image.All("publish", "FROM").Single(), StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", Image.All("runtime", "FROM").Single(), StringComparison.Ordinal);
    }

    [SqlitePassFact]
    public void The_pages_are_built_with_the_npm_commands_of_build_addin_sh_into_the_folder_vite_writes()
    {
        var script = RepositoryFiles.Read("scripts/build-addin.sh").ReplaceLineEndings("\n").Split('\n')
            .Select(l => l.Trim()).Where(l => l.StartsWith("npm ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["npm ci --no-audit --no-fund", "npm run build --silent"], script);
        Assert.Equal(script, Image.All("addin", "RUN"));

        // vite's outDir, relative to addin/, is what the publish stage copies from the addin stage.
        var outDir = OutDir().Match(RepositoryFiles.Read("addin/vite.config.ts")).Groups[1].Value;
        var built = Path.GetFullPath(Path.Combine("/src/addin", outDir)).TrimEnd('/') + "/";
        Assert.Contains(Image.All("publish", "COPY"), c => c.StartsWith($"--from=addin {built} service/StrongChain.Docs.Api/wwwroot/", StringComparison.Ordinal));
        Assert.Equal("/src/addin", Image.All("addin", "WORKDIR").Single());
    }

    [SqlitePassFact]
    public void The_service_is_published_as_publish_sh_does_with_the_pages_of_the_node_stage()
    {
        var script = RepositoryFiles.Read("scripts/publish.sh").ReplaceLineEndings("\n").Split('\n')
            .Select(l => l.Trim()).Single(l => l.StartsWith("dotnet publish ", StringComparison.Ordinal));

        Assert.Equal(script.Replace("\"$out\"", "/app", StringComparison.Ordinal) + " -p:BuildAddin=false", Image.All("publish", "RUN").Single());
        Assert.Contains("--from=publish /app ./", Image.All("runtime", "COPY"));
        Assert.Equal("/app", Image.All("runtime", "WORKDIR").Single());
    }

    [SqlitePassFact]
    public void The_runtime_installs_the_service_packages_of_install_deps_sh_and_none_only_tests_need()
    {
        var script = RepositoryFiles.Read("scripts/install-deps.sh");
        var service = Packages(script, "service_packages");
        var testOnly = Packages(script, "test_packages");
        var install = Image.All("runtime", "RUN").Single(r => r.Contains("apt-get install", StringComparison.Ordinal));
        var installed = AptInstall().Match(install).Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("libreoffice-writer-nogui", service);
        Assert.Contains("fonts-noto-cjk", service);
        Assert.All(service, p => Assert.Contains(p, installed));
        Assert.All(testOnly, p => Assert.DoesNotContain(p, installed));
        Assert.Equal(["curl"], installed.Except(service).Order());
    }

    [SqlitePassFact]
    public void The_runtime_runs_as_a_non_root_user_and_checks_readiness_on_the_port_it_exposes()
    {
        Assert.Equal("$APP_UID", Image.All("runtime", "USER").Single());
        var env = string.Join(' ', Image.All("runtime", "ENV"));
        var port = HttpPorts().Match(env).Groups[1].Value;
        Assert.Equal("8080", port);
        Assert.Equal(port, Image.All("runtime", "EXPOSE").Single());
        Assert.Contains("Storage__DataDirectory=/data", env, StringComparison.Ordinal);
        Assert.Equal("/data", Image.All("runtime", "VOLUME").Single());
        Assert.EndsWith($"CMD curl -fsS http://127.0.0.1:{port}/health/ready >/dev/null || exit 1", Image.All("runtime", "HEALTHCHECK").Single(), StringComparison.Ordinal);
        Assert.Equal("[\"dotnet\", \"StrongChain.Docs.Api.dll\"]", Image.All("runtime", "ENTRYPOINT").Single());
        Assert.Equal("StrongChain.Docs.Api", typeof(Program).Assembly.GetName().Name);
    }

    [SqlitePassFact]
    public void The_build_context_leaves_out_build_output_packages_and_local_pages()
    {
        var ignored = RepositoryFiles.Read(".dockerignore").ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>(["**/bin/", "**/obj/", "**/node_modules/", "service/StrongChain.Docs.Api/wwwroot/", ".git/"], StringComparer.Ordinal), ignored);
    }

    [SqlitePassFact]
    public void Every_setting_compose_yaml_gives_the_service_is_documented_in_deployment_md()
    {
        var compose = RepositoryFiles.Read("compose.yaml");
        var docs = RepositoryFiles.Read("docs/deployment.md");
        var service = compose[compose.IndexOf("\n  docs:", StringComparison.Ordinal)..];
        var keys = ComposeSetting().Matches(service).Select(m => m.Groups[1].Value).Where(k => k.Contains("__", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Contains($"`{k.Replace("__", ":", StringComparison.Ordinal)}`", docs, StringComparison.Ordinal));
        Assert.Contains("\"127.0.0.1:${DOCS_PORT:-8080}:8080\"", compose, StringComparison.Ordinal);
        Assert.Contains("Storage__Provider: Postgres", compose, StringComparison.Ordinal);
    }

    private static List<string> Packages(string script, string name) =>
        [.. Regex.Match(script, name + @"=\(([^)]*)\)").Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)];

    [GeneratedRegex(@"outDir = resolve\(import\.meta\.dirname, '([^']+)'\)")]
    private static partial Regex OutDir();

    [GeneratedRegex(@"apt-get install -y --no-install-recommends ([a-z0-9 .+-]+?) &&")]
    private static partial Regex AptInstall();

    [GeneratedRegex(@"ASPNETCORE_HTTP_PORTS=(\d+)")]
    private static partial Regex HttpPorts();

    [GeneratedRegex(@"^\s{6}([A-Za-z_]+):", RegexOptions.Multiline)]
    private static partial Regex ComposeSetting();
}
