using System.Globalization;
using System.Text.RegularExpressions;
using StrongChain.Docs.Domain.FilledForms;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Forms;

namespace StrongChain.Docs.Domain.Records;

/// <summary>One catalogue field at one path: the control found (if any), its trimmed text and its typed value.</summary>
internal sealed record FieldValue(FormField Field, string Path, FilledValue? Raw, string? Text, object? Typed, bool Malformed)
{
    public bool IsBlank => Text is null && !Malformed;
}

/// <summary>
/// The values of a filled form by path, typed per field kind, with left-behind empty repeating items dropped.
/// Shared by the record builder and the rules so both read every value the same way.
/// </summary>
internal sealed partial class FormValues
{
    private readonly Dictionary<string, FieldValue> byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FilledValue>> byTag = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> items = new(StringComparer.Ordinal);
    private readonly List<Finding> findings = [];

    private FormValues(FilledForm form) => Form = form;

    public FilledForm Form { get; }

    /// <summary>Format findings for values that could not be typed.</summary>
    public IReadOnlyList<Finding> Findings => findings;

    public static FormValues Read(FilledForm form)
    {
        var values = new FormValues(form);
        values.Load();
        return values;
    }

    /// <summary>Document item indexes of the kept (non-empty) items of a repeating section, in document order.</summary>
    public IReadOnlyList<int> ItemsOf(string repeatTag) => items.TryGetValue(repeatTag, out var list) ? list : [];

    /// <summary>Paths of a field: its tag, or one path per kept item of its repeating section.</summary>
    public IEnumerable<string> PathsOf(FormField field) =>
        field.Repeat is null ? [field.Tag] : ItemsOf(field.Repeat).Select(i => ApplicationForm.PathOf(field, i));

    public FieldValue? Get(string path) => byPath.GetValueOrDefault(path);

    /// <summary>Every control with a tag, in document order (locked fields may appear more than once).</summary>
    public IReadOnlyList<FilledValue> AllOf(string tag) => byTag.TryGetValue(tag, out var list) ? list : [];

    public string? Text(string path) => Get(path)?.Text;

    public bool IsBlank(string path) => Get(path) is not { } v || v.IsBlank;

    public bool IsMalformed(string path) => Get(path)?.Malformed ?? false;

    public T? Typed<T>(string path)
        where T : class => Get(path)?.Typed as T;

    public DateOnly? Date(string path) => Get(path)?.Typed as DateOnly?;

    public int? Integer(string path) => Get(path)?.Typed as int?;

    public decimal? Amount(string path) => Get(path)?.Typed as decimal?;

    public bool Checked(string path) => Get(path)?.Typed is true;

    public bool HasImage(string path) => Get(path)?.Raw?.HasImage ?? false;

    /// <summary>Ordinal of the control behind a path; for a repeating section tag, 0 when the document has the section.</summary>
    public int? OrdinalOf(string path)
    {
        if (Get(path)?.Raw is { } raw)
        {
            return raw.Ordinal;
        }

        return ApplicationForm.FindRepeat(path) is not null && Form.RepeatItems is { } counts && counts.ContainsKey(path) ? 0 : null;
    }

    /// <summary>A finding about a path, with its tag, ordinal and messages.</summary>
    public Finding Finding(string path, string code, Severity severity, string? variant = null, IReadOnlyDictionary<string, string>? args = null, int? ordinal = null)
    {
        var tag = path.Length == 0 ? "" : ApplicationForm.TagOfPath(path);
        var (zh, en) = FindingMessages.Format(code, variant, tag, args);
        return new Finding(path, tag, ordinal ?? OrdinalOf(path), code, severity, zh, en);
    }

    /// <summary>Text as the rules see it: trimmed, null when empty, whitespace-only, or showing its placeholder.</summary>
    public static string? Clean(FormField field, FilledValue value)
    {
        if (value.IsPlaceholder || string.IsNullOrWhiteSpace(value.Text))
        {
            return null;
        }

        var text = value.Text.Trim();

        // Some editors drop the placeholder flag but keep its text; a numeric placeholder ("0.00") is a real value once typed.
        var placeholder = field.Placeholder.Trim();
        if (placeholder.Length > 0 && text == placeholder && !decimal.TryParse(placeholder, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            return null;
        }

        return text;
    }

    private void Load()
    {
        var raws = new Dictionary<string, (FormField Field, FilledValue Value, int? Item)>(StringComparer.Ordinal);
        var itemOrder = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var value in Form.Values ?? [])
        {
            if (value?.Tag is null || ApplicationForm.FindField(value.Tag) is not { } field)
            {
                continue; // not a field of the catalogue (or garbage from another editor): nothing to type
            }

            if (!byTag.TryGetValue(field.Tag, out var sameTag))
            {
                byTag[field.Tag] = sameTag = [];
            }

            sameTag.Add(value);
            int? item = null;
            if (field.Repeat is not null)
            {
                if (ItemIndex(value.Path, field.Repeat) is not { } index)
                {
                    continue; // a repeating child without a readable item index cannot be placed
                }

                item = index;
                if (!itemOrder.TryGetValue(field.Repeat, out var order))
                {
                    itemOrder[field.Repeat] = order = [];
                }

                if (!order.Contains(index))
                {
                    order.Add(index);
                }
            }

            var path = ApplicationForm.PathOf(field, item);

            // A duplicated control: the first one with content wins, so a copy on the cover does not hide the body's value.
            if (!raws.TryGetValue(path, out var existing) || (Clean(existing.Field, existing.Value) is null && Clean(field, value) is not null))
            {
                raws[path] = (field, value, item);
            }
        }

        foreach (var (repeatTag, order) in itemOrder)
        {
            // Word leaves items behind whose children all show placeholders: they are not items at all.
            items[repeatTag] = [.. order.Where(i => raws.Values.Any(r => r.Field.Repeat == repeatTag && r.Item == i && Clean(r.Field, r.Value) is not null))];
        }

        foreach (var (path, (field, value, item)) in raws)
        {
            if (item is { } i && !items[field.Repeat!].Contains(i))
            {
                continue;
            }

            byPath[path] = Type(field, path, value);
        }

        foreach (var value in byPath.Values.Where(v => v.Malformed))
        {
            findings.Add(Finding(value.Path, FindingCodes.Format, Severity.Error, FormatVariant(value.Field)));
        }
    }

    private static FieldValue Type(FormField field, string path, FilledValue value)
    {
        if (field.Kind == FieldKind.Check)
        {
            return new FieldValue(field, path, value, value.Text?.Trim(), value.Checked ?? IsTickText(value.Text), false);
        }

        if (field.Kind == FieldKind.Picture)
        {
            return new FieldValue(field, path, value, value.HasImage ? "image" : null, value.HasImage, false);
        }

        var text = Clean(field, value);
        if (text is null)
        {
            return new FieldValue(field, path, value, null, null, false);
        }

        object? typed = (field.Kind, ValueKind(field)) switch
        {
            (FieldKind.Date, _) => ValueParsers.TryParseDate(text, out var d) ? d : null,
            (FieldKind.List, _) => field.Options.Contains(text, StringComparer.Ordinal) ? text : null,
            (_, ValueType.Integer) => ValueParsers.TryParseInteger(text, out var n) ? n : null,
            (_, ValueType.Amount) => ValueParsers.TryParseAmount(text, out var a) ? a : null,
            _ => text,
        };
        return new FieldValue(field, path, value, text, typed, typed is null);
    }

    private static string? FormatVariant(FormField field) => (field.Kind, ValueKind(field)) switch
    {
        (FieldKind.Date, _) => "date",
        (FieldKind.List, _) => "list",
        (_, ValueType.Integer) => "integer",
        (_, ValueType.Amount) => "decimal",
        _ => null,
    };

    private enum ValueType
    {
        Text,
        Integer,
        Amount,
    }

    /// <summary>Text fields holding numbers: the catalogue types them as text, the record as numbers.</summary>
    private static ValueType ValueKind(FormField field) => RecordPaths.ValueTypeOf(field) switch
    {
        RecordValueType.Integer => ValueType.Integer,
        RecordValueType.Amount => ValueType.Amount,
        _ => ValueType.Text,
    };

    private static bool IsTickText(string? text) => text?.Trim() is "☒" or "☑" or "✓" or "✔" or "√" or "■";

    private static int? ItemIndex(string? path, string repeatTag)
    {
        var match = path is null ? null : ItemPath().Match(path);
        return match is { Success: true }
            && match.Groups["repeat"].Value == repeatTag
            && int.TryParse(match.Groups["i"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            ? i
            : null;
    }

    [GeneratedRegex(@"^(?<repeat>[A-Za-z]+)\[(?<i>[0-9]{1,9})\]\.[A-Za-z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ItemPath();
}
