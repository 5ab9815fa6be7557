namespace StrongChain.Docs.Storage.Entities;

/// <summary>The last receipt sequence used per demand, advanced by one atomic statement inside the submitting transaction.</summary>
public sealed class ReceiptCounter
{
    public required string DemandId { get; set; }
    public int LastSequence { get; set; }
}
