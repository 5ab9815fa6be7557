using System.Globalization;
using System.Text;
using System.Xml;

namespace StrongChain.Docs.Documents.ContentControls;

/// <summary>
/// One forward pass of an <see cref="XmlReader"/> over a story part (document, header, footer, notes) that reads every
/// content control (api.md, "Forms"): visible text only, collected into every open control at once, so nested controls
/// never cost a second pass and no tree is built.
/// </summary>
internal sealed class StoryWalker
{
    private readonly XmlReader reader;
    private readonly WordNames names;
    private readonly List<StoryControl> controls = [];
    private readonly List<string> sectionReferences = [];
    private readonly List<Frame> frames = [];
    private readonly List<Open> open = [];
    private readonly List<ParagraphMark> paragraphs = [];

    // Complex fields: true while in the field code (begin..separate), false in the result.
    private readonly List<bool> fields = [];
    private int inCode;

    // Properties of the innermost w:sdt, read before its content starts.
    private ControlProperties? pendingProperties;

    // Runs formatted hidden (w:vanish) that are open: their text is not visible.
    private int hidden;

    // Table rows deleted as tracked changes that are open: their paragraphs go with them.
    private int deletedRows;

    private StoryWalker(XmlReader reader)
    {
        this.reader = reader;
        names = new WordNames(reader.NameTable, strict: reader.NamespaceURI == WordNames.StrictWordNamespace);
    }

    /// <summary>What the walker does when an element it opened ends.</summary>
    private enum Open
    {
        Container,
        Paragraph,
        Run,
        HiddenRun,
        Row,
        DeletedRow,

        // A w:sdt before its content (its properties are being read), then while its content is read.
        Control,
        ControlStarted,
        Alternate,
        AlternateTaken,
    }

    /// <summary>Walks the story whose root element the reader is on, to that element's end.</summary>
    public static Story Walk(XmlReader reader)
    {
        var walker = new StoryWalker(reader);
        walker.WalkRoot();
        return new Story(walker.controls, walker.sectionReferences);
    }

    private void WalkRoot()
    {
        var depth = reader.Depth;
        if (reader.IsEmptyElement)
        {
            return;
        }

        reader.Read();
        while (reader.Depth > depth)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    OnElement();
                    break;
                case XmlNodeType.EndElement:
                    Close();
                    reader.Read();
                    break;
                default:
                    reader.Read();
                    break;
            }
        }
    }

    /// <summary>Handles the element the reader is on and moves past its start (or past all of it when skipped).</summary>
    private void OnElement()
    {
        var top = open.Count > 0 ? open[^1] : Open.Container;
        if (top == Open.AlternateTaken)
        {
            // Choice and fallback show the same content twice: only the first of them is read.
            reader.Skip();
            return;
        }

        if (top == Open.Control && !IsControlProperties())
        {
            open[^1] = Open.ControlStarted;
            StartControl();
            top = Open.ControlStarted;
        }

        if (top == Open.Alternate)
        {
            open[^1] = Open.AlternateTaken;
            Enter(Open.Container);
            return;
        }

        var ns = reader.NamespaceURI;
        var name = reader.LocalName;
        if (ReferenceEquals(ns, names.W))
        {
            OnWordElement(name, top);
        }
        else if (ReferenceEquals(ns, names.M) && ReferenceEquals(name, names.T))
        {
            ReadText();
        }
        else if (ReferenceEquals(ns, names.M) && ReferenceEquals(name, names.Run))
        {
            Enter(Open.Run);
        }
        else if (ReferenceEquals(ns, names.Mc) && ReferenceEquals(name, names.AlternateContent))
        {
            Enter(Open.Alternate);
        }
        else
        {
            if ((ReferenceEquals(ns, names.Pic) && name == "pic") || (ReferenceEquals(ns, names.V) && ReferenceEquals(name, names.ImageData)))
            {
                MarkImage();
            }

            Enter(Open.Container);
        }
    }

    private void OnWordElement(string name, Open top)
    {
        if (ReferenceEquals(name, names.T))
        {
            ReadText();
        }
        else if (ReferenceEquals(name, names.Run))
        {
            Enter(Open.Run);
        }
        else if (ReferenceEquals(name, names.RPr))
        {
            ReadRunProperties(top);
        }
        else if (ReferenceEquals(name, names.P))
        {
            StartParagraph();
            Enter(Open.Paragraph);
        }
        else if (ReferenceEquals(name, names.PPr))
        {
            ReadParagraphProperties(top);
        }
        else if (ReferenceEquals(name, names.Tab) || ReferenceEquals(name, names.PTab))
        {
            Emit("\t");
            reader.Skip();
        }
        else if (ReferenceEquals(name, names.Br) || ReferenceEquals(name, names.Cr))
        {
            Emit("\n");
            reader.Skip();
        }
        else if (ReferenceEquals(name, names.NoBreakHyphen))
        {
            Emit("-");
            reader.Skip();
        }
        else if (ReferenceEquals(name, names.Sym))
        {
            EmitSymbol(reader.GetAttribute(names.Char, names.W));
            reader.Skip();
        }
        else if (ReferenceEquals(name, names.FldChar))
        {
            OnFieldChar(reader.GetAttribute(names.FldCharType, names.W));
            reader.Skip();
        }
        else if (ReferenceEquals(name, names.Sdt))
        {
            Enter(Open.Control);
        }
        else if (ReferenceEquals(name, names.SdtPr))
        {
            ReadControlProperties(top);
        }
        else if (ReferenceEquals(name, names.Tr))
        {
            foreach (var frame in frames)
            {
                frame.Rows++;
            }

            Enter(Open.Row);
        }
        else if (ReferenceEquals(name, names.TrPr))
        {
            ReadRowProperties(top);
        }
        else if (ReferenceEquals(name, names.SectPr))
        {
            StoryProperties.ReadSectionReferences(reader, names, sectionReferences);
        }
        else if (names.IsInvisible(name))
        {
            reader.Skip();
        }
        else
        {
            if (ReferenceEquals(name, names.Drawing))
            {
                MarkImage();
            }

            Enter(Open.Container);
        }
    }

    /// <summary>Opens the element the reader is on; an empty element is closed at once (no end tag follows).</summary>
    private void Enter(Open kind)
    {
        open.Add(kind);
        if (kind == Open.Control)
        {
            pendingProperties = null;
        }

        var empty = reader.IsEmptyElement;
        reader.Read();
        if (empty)
        {
            Close();
        }
    }

    private void Close()
    {
        var kind = open[^1];
        open.RemoveAt(open.Count - 1);
        switch (kind)
        {
            case Open.Paragraph:
                EndParagraph();
                break;
            case Open.HiddenRun:
                hidden--;
                break;
            case Open.DeletedRow:
                deletedRows--;
                break;
            case Open.Control:
                // A control with no content still counts.
                StartControl();
                EndControl();
                break;
            case Open.ControlStarted:
                EndControl();
                break;
        }
    }

    /// <summary>Text of a w:t or m:t; nothing is allocated when it is not visible.</summary>
    private void ReadText()
    {
        if (reader.IsEmptyElement || inCode > 0 || hidden > 0)
        {
            reader.Skip();
            return;
        }

        var depth = reader.Depth;
        reader.Read();
        while (reader.Depth > depth)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    Emit(reader.Value);
                    reader.Read();
                    break;
                case XmlNodeType.Element:
                    reader.Skip();
                    break;
                default:
                    reader.Read();
                    break;
            }
        }

        reader.Read();
    }

    private void ReadRunProperties(Open top)
    {
        if (top != Open.Run)
        {
            reader.Skip();
            return;
        }

        var flags = StoryProperties.ReadFlags(reader, names);
        if (flags.Hidden)
        {
            // Hidden text is not printed and not shown without formatting marks: not part of the value.
            open[^1] = Open.HiddenRun;
            hidden++;
        }
    }

    private void ReadParagraphProperties(Open top)
    {
        if (top != Open.Paragraph)
        {
            reader.Skip();
            return;
        }

        if (StoryProperties.ReadParagraphMark(reader, names) is { } mark)
        {
            paragraphs[^1] = new ParagraphMark(mark.Deleted, mark.Hidden);
        }
    }

    private void ReadRowProperties(Open top)
    {
        if (top != Open.Row)
        {
            reader.Skip();
            return;
        }

        if (StoryProperties.ReadFlags(reader, names).Deleted)
        {
            open[^1] = Open.DeletedRow;
            deletedRows++;
            foreach (var frame in frames)
            {
                frame.DeletedRows++;
            }
        }
    }

    private void ReadControlProperties(Open top)
    {
        if (top != Open.Control || pendingProperties is not null)
        {
            reader.Skip();
            return;
        }

        pendingProperties = ControlProperties.Read(reader, names);
    }

    private void StartParagraph()
    {
        paragraphs.Add(default);
        for (var i = frames.Count - 1; i >= 0; i--)
        {
            frames[i].Paragraphs++;
        }

        for (var i = frames.Count - 1; i >= 0 && !frames[i].Placeholder; i--)
        {
            var frame = frames[i];
            if (frame.HasParagraph && !frame.LastMarkDeleted)
            {
                frame.Text.Append('\n');
            }

            frame.HasParagraph = true;
            frame.LastMarkDeleted = false;
        }
    }

    private void EndParagraph()
    {
        var mark = paragraphs[^1];
        paragraphs.RemoveAt(paragraphs.Count - 1);
        var deleted = mark.Deleted || deletedRows > 0;
        if (deleted)
        {
            foreach (var frame in frames)
            {
                frame.DeletedMarks++;
            }
        }

        // A deleted (or moved-away, or hidden) paragraph mark, or a deleted row, joins this paragraph to the next one.
        if (deleted || mark.Hidden)
        {
            for (var i = frames.Count - 1; i >= 0 && !frames[i].Placeholder; i--)
            {
                frames[i].LastMarkDeleted = true;
            }
        }
    }

    /// <summary>Whether the reader is on a w:sdtPr or w:sdtEndPr, which come before a control's content.</summary>
    private bool IsControlProperties() =>
        ReferenceEquals(reader.NamespaceURI, names.W) && (ReferenceEquals(reader.LocalName, names.SdtPr) || ReferenceEquals(reader.LocalName, names.SdtEndPr));

    private void StartControl()
    {
        var properties = pendingProperties ?? ControlProperties.None;
        pendingProperties = null;
        var control = new StoryControl
        {
            Properties = properties,
            Depth = frames.Count,
            Parent = frames.Count > 0 ? frames[^1].Control : null,
        };
        if (properties.Kind == ContentControlKinds.RepeatingSectionItem)
        {
            for (var i = frames.Count - 1; i >= 0; i--)
            {
                if (frames[i].Kind == ContentControlKinds.RepeatingSection)
                {
                    control.SectionTag = controls[frames[i].Control].Properties.Tag;
                    break;
                }
            }
        }

        controls.Add(control);
        frames.Add(new Frame(controls.Count - 1, properties.Kind, properties.Placeholder));
    }

    private void EndControl()
    {
        var frame = frames[^1];
        frames.RemoveAt(frames.Count - 1);
        var control = controls[frame.Control];
        control.Text = frame.Placeholder ? "" : frame.Text.ToString();
        control.HasImage = !frame.Placeholder && frame.HasImage;
        if (frame.Kind == ContentControlKinds.RepeatingSectionItem)
        {
            control.Deleted = frame.IsTrackedDeletion;
            for (var i = frames.Count - 1; i >= 0 && !control.Deleted; i--)
            {
                if (frames[i].Kind == ContentControlKinds.RepeatingSection)
                {
                    // Numbered at its end, when it is known not to be deleted: later items renumber.
                    control.ItemIndex = frames[i].Items++;
                    break;
                }
            }
        }
    }

    private void OnFieldChar(string? type)
    {
        if (type == "begin")
        {
            fields.Add(true);
            inCode++;
        }
        else if (type == "separate")
        {
            if (fields.Count > 0 && fields[^1])
            {
                fields[^1] = false;
                inCode--;
            }
        }
        else if (type == "end" && fields.Count > 0)
        {
            if (fields[^1])
            {
                inCode--;
            }

            fields.RemoveAt(fields.Count - 1);
        }
    }

    private void EmitSymbol(string? hex)
    {
        if (hex is not null && int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) && code is > 0 and <= 0xFFFF)
        {
            Emit(((char)code).ToString());
        }
    }

    /// <summary>Visible text goes to every open control up to (not into) one that shows its placeholder.</summary>
    private void Emit(string text)
    {
        if (inCode > 0 || hidden > 0 || text.Length == 0)
        {
            return;
        }

        for (var i = frames.Count - 1; i >= 0 && !frames[i].Placeholder; i--)
        {
            frames[i].Text.Append(text);
            frames[i].HasVisibleContent = true;
        }
    }

    private void MarkImage()
    {
        if (hidden > 0)
        {
            return;
        }

        for (var i = frames.Count - 1; i >= 0 && !frames[i].Placeholder; i--)
        {
            frames[i].HasImage = true;
            frames[i].HasVisibleContent = true;
        }
    }

    /// <summary>How the paragraph mark of an open paragraph is formatted.</summary>
    private readonly record struct ParagraphMark(bool Deleted, bool Hidden);

    /// <summary>A control being read: where its text goes and what its children need to know.</summary>
    private sealed class Frame(int control, string kind, bool placeholder)
    {
        public int Control { get; } = control;

        public string Kind { get; } = kind;
        public bool Placeholder { get; } = placeholder;
        public StringBuilder Text { get; } = new();
        public bool HasParagraph { get; set; }
        public bool LastMarkDeleted { get; set; }
        public bool HasImage { get; set; }
        public bool HasVisibleContent { get; set; }
        public int Items { get; set; }
        public int Paragraphs { get; set; }
        public int DeletedMarks { get; set; }
        public int Rows { get; set; }
        public int DeletedRows { get; set; }

        /// <summary>
        /// Deleted with tracked changes: every row it holds is a deleted row, or (not a row) every paragraph mark
        /// is deleted and nothing visible is left.
        /// </summary>
        public bool IsTrackedDeletion => Rows > 0
            ? DeletedRows == Rows
            : Paragraphs > 0 && DeletedMarks == Paragraphs && !HasVisibleContent;
    }
}
