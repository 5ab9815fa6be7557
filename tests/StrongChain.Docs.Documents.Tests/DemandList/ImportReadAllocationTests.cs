using DocumentFormat.OpenXml.Packaging;
using StrongChain.Docs.Documents.DemandList;
using StrongChain.Docs.Documents.Packages;
using StrongChain.Docs.Documents.Tests.Support;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Documents.Tests.DemandList;

/// <summary>
/// The import's read of 5,000 demands stays where reading in the guard's pass put it (docs/performance.md): bytes allocated
/// per read, not time. Opening the Open XML SDK package again, or loading the sheet's DOM, fails it.
/// </summary>
public sealed class ImportReadAllocationTests
{
    /// <summary>Recorded 2026-12-04: 11.8 MB per read (BenchmarkDotNet 11.6 MB; with the SDK package 24.4 MB, the sheet DOM alone 42 MB); ~35 % headroom.</summary>
    private const long ReadBound = 16L * 1024 * 1024;

    private static readonly Lazy<byte[]> Workbook = new(() =>
    {
        var round = DemandSamples.FirstRound with { Id = "alloc" };
        var demands = Enumerable.Range(0, 5_000)
            .Select(i => DemandSamples.FirstBatch[i % DemandSamples.FirstBatch.Count] with { Id = $"ALLOC-{i:D5}", RoundId = round.Id })
            .ToList<Demand>();
        return DemandWorkbookTemplate.Build(round, demands);
    });

    [Fact]
    public void Reading_5000_demands_allocates_under_its_recorded_bound()
    {
        var bytes = Allocations.PerCall(() => DemandWorkbookReader.Read(Workbook.Value, PackageLimits.Default), warmUp: 2, samples: 3);

        Assert.True(bytes < ReadBound, $"Reading 5,000 demands allocated {bytes / 1024} KB, over its bound of {ReadBound / 1024} KB: was the SDK package or a DOM brought back?");
    }

    /// <summary>The guard can fail: the SDK opening the package and loading the sheet's DOM, without reading a cell, is over the bound.</summary>
    [Fact]
    public void Loading_the_SDK_DOM_of_the_sheet_is_over_the_read_bound()
    {
        var bytes = Allocations.PerCall(() =>
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(Workbook.Value), false);
            return document.WorkbookPart!.WorksheetParts.Sum(w => w.Worksheet!.ChildElements.Count);
        }, warmUp: 1, samples: 3);

        Assert.True(bytes > ReadBound, $"The DOM took {bytes / 1024} KB, under the read's bound of {ReadBound / 1024} KB: the bound guards nothing.");
    }
}
