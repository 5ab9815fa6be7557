using System.Globalization;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Domain.Records;

namespace StrongChain.Docs.Domain.Findings.Rules;

/// <summary>What every rule reads (typed values by path, the round, the demand, the time) and where it writes findings.</summary>
internal sealed class RuleContext(FormValues values, Round round, Demand demand, DateTimeOffset now)
{
    private readonly List<Finding> findings = [];

    public FormValues Values { get; } = values;

    public Round Round { get; } = round;

    public Demand Demand { get; } = demand;

    public DateTimeOffset Now { get; } = now;

    public IReadOnlyList<Finding> Findings => findings;

    /// <summary>Today in the round's time zone: "not in the future" is judged by the applicant's calendar.</summary>
    public DateOnly Today => LocalDate(Now);

    public DateOnly WindowOpens => LocalDate(Round.Opens);

    public DateOnly WindowCloses => LocalDate(Round.Closes);

    public void Add(Finding finding) => findings.Add(finding);

    public void AddRange(IEnumerable<Finding> range) => findings.AddRange(range);

    public void Error(string path, string code, string? variant = null, IReadOnlyDictionary<string, string>? args = null, int? ordinal = null) =>
        findings.Add(Values.Finding(path, code, Severity.Error, variant, args, ordinal));

    public void Warning(string path, string code, string? variant = null, IReadOnlyDictionary<string, string>? args = null, int? ordinal = null) =>
        findings.Add(Values.Finding(path, code, Severity.Warning, variant, args, ordinal));

    /// <summary>The round's local date of an instant; a round with an unknown zone falls back to the offset its window was stated in.</summary>
    public DateOnly LocalDate(DateTimeOffset instant)
    {
        try
        {
            return Round.LocalDate(instant);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return DateOnly.FromDateTime(instant.ToOffset(Round.Opens.Offset).DateTime);
        }
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    public static Dictionary<string, string> Args(params (string Name, string Value)[] args) =>
        args.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal);
}
