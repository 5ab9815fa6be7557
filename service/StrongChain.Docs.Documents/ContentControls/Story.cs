namespace StrongChain.Docs.Documents.ContentControls;

/// <summary>A control found in one story part; <see cref="Parent"/> is an index into the same part's list.</summary>
internal sealed class StoryControl
{
    public required ControlProperties Properties { get; init; }
    public required int Depth { get; init; }
    public required int? Parent { get; init; }
    public string? SectionTag { get; set; }
    public int? ItemIndex { get; set; }
    public bool Deleted { get; set; }
    public string Text { get; set; } = "";
    public bool HasImage { get; set; }
}

/// <summary>What one pass over a story part found: its controls in document order, and the r:ids its sections reference.</summary>
internal sealed record Story(List<StoryControl> Controls, List<string> SectionReferences);
