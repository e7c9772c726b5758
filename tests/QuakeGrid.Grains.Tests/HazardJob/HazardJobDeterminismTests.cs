using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using QuakeGrid.Client;
using QuakeGrid.Grains.HazardJob;
using QuakeGrid.Contracts.Hazard;
using Xunit.Abstractions;

namespace QuakeGrid.Grains.Tests.HazardJob;

/// <summary>
/// The event-based test job (JB2009 correlation) through the hazard job grains equals Core's
/// <c>EventBasedCalculator.Run</c> bit for bit — curves and maps — and its summed exceedance counts equal Core's single
/// tile over every rupture exactly, on one embedded silo and on three silos, for several tile sizes and batchings.
/// </summary>
[Collection(HazardClusterCollection.Name)]
public sealed class HazardJobDeterminismTests(HazardClusterFixture fixture, ITestOutputHelper output)
{
    private static readonly HazardJobClientOptions Fast = new() { PollInterval = TimeSpan.FromMilliseconds(20) };

    [Theory]
    [InlineData(5, 0)]    // 8 tiles (the last one short), automatic batches
    [InlineData(36, 7)]   // one tile, 7 ruptures per batch
    public async Task ThreeSilosEqualCoreBitForBit(int tileSize, int rupturesPerBatch)
    {
        var caches = fixture.Cluster.Silos.Select(h => ((InProcessSiloHandle)h).SiloHost.Services.GetRequiredService<HazardPlanCache>()).ToArray();
        var before = caches.Sum(c => c.Preparations);
        var client = new HazardJobClient(fixture.Cluster.Client, Fast);
        await RunAndCompareAsync(client, $"det3-{tileSize}-{Guid.NewGuid():N}", new HazardJobOptions(tileSize, rupturesPerBatch));
        // The plan is prepared at most once per silo, however many tiles and batches ran there.
        Assert.InRange(caches.Sum(c => c.Preparations) - before, 1, caches.Length);
    }

    [Fact]
    public async Task OneEmbeddedSiloEqualsCoreBitForBitForTwoTileSizes()
    {
        await using var connection = await QuakeGridConnection.StartEmbeddedAsync();
        var client = new HazardJobClient(connection.Client, Fast);
        await RunAndCompareAsync(client, $"det1-a-{Guid.NewGuid():N}", new HazardJobOptions(TileSize: 5, RupturesPerBatch: 3));
        await RunAndCompareAsync(client, $"det1-b-{Guid.NewGuid():N}", new HazardJobOptions(TileSize: 36));
    }

    private async Task RunAndCompareAsync(HazardJobClient client, string jobId, HazardJobOptions options)
    {
        var core = HazardTestJob.CoreResult;
        // The job is the size the test claims: a few hundred events at 36 sites, with non-zero counts.
        Assert.InRange(core.EventCount, 100, 2000);
        Assert.Equal(36, core.Curves.Sites.Count);

        var statuses = new List<HazardJobStatus>();
        var result = await client.RunAsync(jobId, HazardTestJob.Bundle(), options, new Progress(statuses));
        Assert.Equal(HazardJobState.Completed, result.Status.State);
        Assert.Equal(core.EventCount, result.Status.EventsTotal);
        Assert.Equal(core.EventCount, result.Status.EventsDone);
        Assert.Equal(result.Status.WorkItemsTotal, result.Status.WorkItemsDone);
        Assert.Equal((36 + options.TileSize - 1) / options.TileSize, result.Status.Tiles);

        Assert.Equal(0, HazardTestJob.CountDifferences(core.Curves, result.Curves));
        var counts = await client.GetCountsAsync(jobId, 36);
        Assert.Equal(0, HazardTestJob.CountDifferences(HazardTestJob.CoreCounts, counts));
        Assert.True(HazardTestJob.Total(counts) > 1000, "the comparison is over real exceedances");

        var events = await client.GetEventsAsync(jobId);
        Assert.Equal(core.Events, events);
        output.WriteLine($"{jobId}: {result.Status.Tiles} tiles x {result.Status.BatchesTotal} batches, {core.EventCount} events, " +
                         $"{HazardTestJob.Total(counts)} exceedances; {statuses.Count} distinct statuses seen");
        await client.ReleaseAsync(jobId);
    }

    private sealed class Progress(List<HazardJobStatus> into) : IProgress<HazardJobStatus>
    {
        public void Report(HazardJobStatus value) { lock (into) into.Add(value); }
    }
}
