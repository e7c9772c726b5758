using System.Diagnostics;
using QuakeGrid.Client;
using QuakeGrid.Contracts.Hazard;
using Xunit.Abstractions;

namespace QuakeGrid.Grains.Tests.HazardJob;

/// <summary>
/// A silo hosting part of a running classical job is killed (no graceful shutdown): the job completes, and its curves
/// equal Core's <c>ClassicalCalculator.Run</c> bit for bit. Classical tiles sum floating-point rates, so this also checks
/// that re-dispatched batches are neither added twice nor out of order after the loss (the coordinator's silo when that
/// is not the primary silo, otherwise one hosting region grains).
/// </summary>
public sealed class ClassicalHazardJobSiloLossTests(ITestOutputHelper output)
{
    private static readonly HazardJobOptions Options = new(TileSize: 6, RupturesPerBatch: 4, MaxConcurrentBatches: 3);

    [Fact]
    public async Task KillingASiloMidJobChangesNoBit()
    {
        ClassicalTestJob.CheckReferenceIsNonTrivial();
        var clock = Stopwatch.StartNew();
        var cluster = await HazardClusters.StartAsync(3, slowWorkItems: true);
        try
        {
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: three silos up");
            var client = new HazardJobClient(cluster.Client, new HazardJobClientOptions { PollInterval = TimeSpan.FromMilliseconds(20) });
            var id = "classical-killed-" + Guid.NewGuid().ToString("N");
            var submitted = await client.SubmitAsync(id, ClassicalTestJob.Bundle(), Options);
            Assert.True(submitted.Classical);
            var (status, why) = await MidJobSiloKill.KillWhenPartDoneAsync(cluster, client, id, submitted.WorkItemsTotal);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: killed {why} at {status.WorkItemsDone}/{status.WorkItemsTotal} work items");

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            var final = await client.WaitAsync(id, ct: timeout.Token);
            Assert.Equal(HazardJobState.Completed, final.State);
            Assert.Equal(final.WorkItemsTotal, final.WorkItemsDone);
            var curves = await client.GetCurvesAsync(id);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: disturbed job completed ({final.Tiles} tiles x {final.BatchesTotal} batches)");
            Assert.Equal(0, HazardTestJob.CountDifferences(ClassicalTestJob.CoreCurves, curves));
        }
        finally
        {
            await cluster.StopAllSilosAsync();
        }
    }
}
