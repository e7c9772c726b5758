using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using QuakeGrid.Contracts.Hazard;
using QuakeGrid.Grains.HazardJob;
using Xunit.Abstractions;

namespace QuakeGrid.Grains.Tests.HazardJob;

/// <summary>
/// Wire and storage sizes of the hazard job messages (Orleans serializer, as the silos use it), the figures behind the
/// "Distributed hazard" section of docs/benchmarks.md: a work item and its outcome cost a few hundred bytes per call
/// whatever the tile, while a region's state write is its exceedance counts, one varint per (branch, IMT, site, level):
/// 1 to 9 bytes each (Orleans' signed varints; about 3.6 bytes for counts spread over 0..20000); a classical region's
/// write is its rates, about 9 bytes per double.
/// </summary>
public sealed class HazardMessageSizeTests(ITestOutputHelper output)
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(JobBundle).Assembly).AddAssembly(typeof(RegionHazardState).Assembly))
        .BuildServiceProvider().GetRequiredService<Serializer>();

    private static int Size<T>(T value) => Serializer.SerializeToArray(value).Length;

    [Fact]
    public void PerCallMessagesAreSmallAndStateWritesAreTheCounts()
    {
        var jobId = "hazard-" + new string('a', 32);
        var fingerprint = new string('F', 64);
        var item = Size(new HazardWorkItem(jobId, 3, 2000, 17, 1234, 250, fingerprint));
        var outcome = Size(new HazardWorkOutcome(3, 17, true, 702, 1_404_000, 0.123));
        var status = Size(new HazardJobStatus(jobId, HazardJobState.Running, 12, 32, 8000, 22460, 7076, null, 4, 50, 128, 5_000_000, 12.5, 11.9));
        output.WriteLine($"work item {item} B, outcome {outcome} B, status {status} B");
        Assert.InRange(item, 50, 300);
        Assert.InRange(outcome, 10, 100);
        Assert.InRange(status, 30, 200);

        // A 2000-site tile of a job with one gsim branch and two IMTs of 40 levels (the Nepal demo's shape).
        const int sites = 2000, levels = 40;
        var counts = new long[1][][] { [new long[sites * levels], new long[sites * levels]] };
        var rng = new Random(1);
        foreach (var a in counts[0]) for (var i = 0; i < a.Length; i++) a[i] = rng.Next(0, 20000);
        var state = new RegionHazardState
        {
            Fingerprint = fingerprint,
            SiteIndices = Enumerable.Range(0, sites).ToArray(),
            AppliedBatches = Enumerable.Range(0, 32).ToList(),
            Counts = counts,
            SiteEvents = 123_456_789,
        };
        var stateBytes = Size(state);
        const long n = 2L * sites * levels;
        output.WriteLine($"region state of {sites} sites x 2 IMTs x {levels} levels (counts < 20000): {stateBytes:N0} B, {(double)stateBytes / n:F2} B per count");
        // At least a byte per count, and well under the 8 bytes of a raw long for counts of this size.
        Assert.InRange(stateBytes, n, 5 * n);

        // The same tile's counts page to the coordinator, once per job.
        var page = Size(new RegionHazardCounts(0, state.SiteIndices, [.. state.AppliedBatches], counts, state.SiteEvents));
        Assert.InRange(page, n, 5 * n);
    }

    [Fact]
    public void ClassicalStateWritesAreTheRatesAtEightBytesEach()
    {
        // The same tile shape for a classical job: one double per (branch, IMT, site, level). Orleans writes each array
        // element with its own one-byte field header: 9 bytes per rate.
        const int sites = 2000, levels = 40;
        var rng = new Random(2);
        var rates = new double[1][][] { [new double[sites * levels], new double[sites * levels]] };
        foreach (var a in rates[0]) for (var i = 0; i < a.Length; i++) a[i] = rng.NextDouble() * 1e-2;
        var state = new RegionHazardState
        {
            Fingerprint = new string('F', 64),
            SiteIndices = Enumerable.Range(0, sites).ToArray(),
            AppliedBatches = Enumerable.Range(0, 32).ToList(),
            Rates = rates,
            SiteEvents = 123_456_789,
        };
        var stateBytes = Size(state);
        const long n = 2L * sites * levels;
        output.WriteLine($"classical region state of {sites} sites x 2 IMTs x {levels} levels: {stateBytes:N0} B, {(double)stateBytes / n:F2} B per rate");
        Assert.InRange(stateBytes, 8 * n, 9 * n + 4 * sites + 1000);
        var page = Size(new RegionHazardRates(0, state.SiteIndices, [.. state.AppliedBatches], rates, state.SiteEvents));
        Assert.InRange(page, 8 * n, 9 * n + 4 * sites + 1000);
    }
}
