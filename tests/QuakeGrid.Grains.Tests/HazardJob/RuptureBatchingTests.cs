using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Hazard;
using QuakeGrid.Grains.HazardJob;

namespace QuakeGrid.Grains.Tests.HazardJob;

/// <summary>
/// The automatic rupture batching of hazard jobs: contiguous batches covering every rupture once, at least 8 of them
/// (fewer state writes of whole tile tables than the former 32), more when events × sites exceed 8 × 2·10⁷, and cut
/// where the cumulative event count passes k / B of the total.
/// </summary>
public sealed class RuptureBatchingTests
{
    private static RuptureOccurrence[] Events(params int[] occurrences) =>
        occurrences.Select((n, i) => new RuptureOccurrence(i, "s", 6.0, 0.0, new GeoPoint(0, 0, 10), 1e-3, n)).ToArray();

    private static void AssertContiguousCover(RuptureBatch[] batches, int ruptures)
    {
        var next = 0;
        for (var b = 0; b < batches.Length; b++)
        {
            Assert.Equal(b, batches[b].Id);
            Assert.Equal(next, batches[b].First);
            Assert.True(batches[b].Count > 0);
            next += batches[b].Count;
        }
        Assert.Equal(ruptures, next);
    }

    [Fact]
    public void SmallJob_GetsEightBatchesOfEqualEvents()
    {
        // 64 ruptures of 3 events each over 100 sites: 19,200 site-events at most, far below 2·10⁷ per batch → 8 batches.
        var events = Events(Enumerable.Repeat(3, 64).ToArray());
        var batches = RuptureBatching.Split(events, 100, 0);
        Assert.Equal(8, batches.Length);
        AssertContiguousCover(batches, 64);
        Assert.All(batches, b => Assert.Equal(24, b.Events)); // 192 events / 8
    }

    [Fact]
    public void LargeJob_GetsMoreBatches_AndFewRupturesGetOneEach()
    {
        // 11,321 events over 27,951 sites (the Nepal benchmark's figures): ⌈3.16·10⁸ / 2·10⁷⌉ = 16 batches.
        var counts = Enumerable.Repeat(1, 11_321).ToArray();
        var batches = RuptureBatching.Split(Events(counts), 27_951, 0);
        Assert.Equal(16, batches.Length);
        AssertContiguousCover(batches, counts.Length);
        Assert.Equal(11_321, batches.Sum(b => b.Events));

        // Fewer ruptures than the minimum: B = 3, cuts where the cumulative count (5, 6, 13) passes 13/3 and 26/3: after
        // the first rupture (5 ≥ 4.3), then only at the end (6 < 8.7): batches [5] and [1, 7], never more than one per rupture.
        var few = RuptureBatching.Split(Events(5, 1, 7), 10, 0);
        Assert.Equal([1, 2], few.Select(b => b.Count));
        Assert.Equal([5L, 8], few.Select(b => b.Events));
    }

    [Fact]
    public void ClassicalSplit_HasAtLeastEightEqualRanges()
    {
        var batches = RuptureBatching.SplitEvenly(1000, 50, 0);
        Assert.Equal(8, batches.Length);
        AssertContiguousCover(batches, 1000);
        Assert.All(batches, b => Assert.Equal(125, b.Count));
        Assert.Equal(3, RuptureBatching.SplitEvenly(3, 50, 0).Length);
    }

    [Fact]
    public void FixedSize_IsHonoured()
    {
        var batches = RuptureBatching.Split(Events(Enumerable.Repeat(2, 10).ToArray()), 100, 4);
        Assert.Equal([4, 4, 2], batches.Select(b => b.Count));
        AssertContiguousCover(batches, 10);
    }
}
