using QuakeGrid.Client;
using QuakeGrid.Contracts.Grains;
using QuakeGrid.Contracts.Hazard;
using QuakeGrid.Core.Validation;
using Xunit.Abstractions;

namespace QuakeGrid.Grains.Tests.HazardJob;

/// <summary>
/// A classical job through the hazard job grains equals Core's <c>ClassicalCalculator.Run</c> bit for bit — curves and
/// maps, both gsim branches weighted — on one embedded silo and on three silos, for several tile sizes and batchings;
/// a re-dispatched batch is not added twice; event-based-only queries answer accordingly.
/// </summary>
[Collection(HazardClusterCollection.Name)]
public sealed class ClassicalHazardJobTests(HazardClusterFixture fixture, ITestOutputHelper output)
{
    private static readonly HazardJobClientOptions Fast = new() { PollInterval = TimeSpan.FromMilliseconds(20) };

    [Theory]
    [InlineData(5, 0)]    // 8 tiles (the last one short), automatic batches
    [InlineData(12, 7)]   // 3 tiles, 7 ruptures per batch
    public async Task ThreeSilosEqualCoreBitForBit(int tileSize, int rupturesPerBatch)
    {
        var client = new HazardJobClient(fixture.Cluster.Client, Fast);
        var id = $"cl3-{tileSize}-{Guid.NewGuid():N}";
        await RunAndCompareAsync(client, id, new HazardJobOptions(tileSize, rupturesPerBatch), release: false);

        // The HTTP site query path (SiteGrain → coordinator): the nearest site's curves are Core's.
        var job = fixture.Cluster.Client.GetGrain<IHazardJobGrain>(id);
        var core = ClassicalTestJob.CoreCurves;
        var site = await job.GetSiteHazardAsync(core.Sites.Lon[7] + 0.001, core.Sites.Lat[7], 5);
        Assert.Equal(7, site.SiteIndex);
        for (var k = 0; k < core.Imtls.Count; k++)
            Assert.Equal(core.Curve(k, 7).ToArray(), site.Curves[k].Poes);

        // Event-based-only results: no event set, no counts.
        var counts = await Assert.ThrowsAsync<QuakeGridInputException>(() => job.GetCountsAsync(0, 10));
        Assert.Contains("classical", counts.Problem);
        Assert.Empty(await job.GetEventsAsync(0, 10));

        // A re-dispatched batch (the first and the last, tile 0) is acknowledged without being added again.
        var status = await job.GetStatusAsync();
        var definition = await job.GetDefinitionAsync();
        var region = fixture.Cluster.Client.GetGrain<IRegionHazardGrain>(HazardRegionKeys.For(id, 0));
        var before = await region.GetRatesAsync();
        Assert.Equal(Enumerable.Range(0, status.BatchesTotal), before.AppliedBatches);
        var ruptures = ClassicalTestJob.CorePlan.RuptureCount;
        var last = status.BatchesTotal - 1;
        var lastFirst = rupturesPerBatch > 0 ? last * rupturesPerBatch : (int)((long)ruptures * last / status.BatchesTotal);
        var again0 = await region.ApplyAsync(new HazardWorkItem(id, 0, tileSize, 0, 0, rupturesPerBatch > 0 ? rupturesPerBatch : ruptures / status.BatchesTotal, definition.Fingerprint));
        var againLast = await region.ApplyAsync(new HazardWorkItem(id, 0, tileSize, last, lastFirst, ruptures - lastFirst, definition.Fingerprint));
        Assert.False(again0.Applied);
        Assert.False(againLast.Applied);
        var after = await region.GetRatesAsync();
        Assert.Equal(before.Rates.SelectMany(b => b.SelectMany(k => k)), after.Rates.SelectMany(b => b.SelectMany(k => k)));
        await client.ReleaseAsync(id);
    }

    [Fact]
    public async Task OneEmbeddedSiloEqualsCoreBitForBitForTwoTileSizes()
    {
        await using var connection = await QuakeGridConnection.StartEmbeddedAsync();
        var client = new HazardJobClient(connection.Client, Fast);
        await RunAndCompareAsync(client, $"cl1-a-{Guid.NewGuid():N}", new HazardJobOptions(TileSize: 5, RupturesPerBatch: 3));
        await RunAndCompareAsync(client, $"cl1-b-{Guid.NewGuid():N}", new HazardJobOptions(TileSize: 36));
    }

    private async Task RunAndCompareAsync(HazardJobClient client, string jobId, HazardJobOptions options, bool release = true)
    {
        ClassicalTestJob.CheckReferenceIsNonTrivial();
        var core = ClassicalTestJob.CoreCurves;
        var ruptures = ClassicalTestJob.CorePlan.RuptureCount;

        var result = await client.RunAsync(jobId, ClassicalTestJob.Bundle(), options);
        var s = result.Status;
        Assert.Equal(HazardJobState.Completed, s.State);
        Assert.True(s.Classical);
        Assert.Equal(ruptures, s.EventsTotal);   // a classical job's "events" are its ruptures
        Assert.Equal(ruptures, s.EventsDone);
        Assert.Equal(s.WorkItemsTotal, s.WorkItemsDone);
        Assert.Equal((ClassicalTestJob.Sites + options.TileSize - 1) / options.TileSize, s.Tiles);
        if (options.RupturesPerBatch > 0) Assert.Equal((ruptures + options.RupturesPerBatch - 1) / options.RupturesPerBatch, s.BatchesTotal);
        Assert.True(s.BatchesTotal > 1);
        Assert.Empty(result.Events);

        Assert.Equal(0, HazardTestJob.CountDifferences(core, result.Curves));
        output.WriteLine($"{jobId}: {s.Tiles} tiles x {s.BatchesTotal} batches over {ruptures} ruptures, {s.SiteEventsDone} site-ruptures; curves and maps bit-identical to Core");
        if (release) await client.ReleaseAsync(jobId);
    }
}
