using System.Diagnostics;
using QuakeGrid.Client;
using QuakeGrid.Contracts.Hazard;
using Xunit.Abstractions;

namespace QuakeGrid.Grains.Tests.HazardJob;

/// <summary>
/// A silo hosting part of a running hazard job is killed (TestCluster <c>KillSiloAsync</c>: no graceful shutdown): the
/// job completes, and its summed exceedance counts equal those of the same job run undisturbed — and Core's — exactly.
/// The silo killed is the coordinator's when that is not the primary silo (the job must resume from storage), otherwise
/// one hosting region grains (their unfinished batches must be re-dispatched and never counted twice).
/// </summary>
public sealed class HazardJobSiloLossTests(ITestOutputHelper output)
{
    private static readonly HazardJobOptions Options = new(TileSize: 6, RupturesPerBatch: 2, MaxConcurrentBatches: 3);

    [Fact]
    public async Task KillingASiloMidJobChangesNoCount()
    {
        var clock = Stopwatch.StartNew();
        var cluster = await HazardClusters.StartAsync(3, slowWorkItems: true);
        try
        {
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: three silos up");
            var client = new HazardJobClient(cluster.Client, new HazardJobClientOptions { PollInterval = TimeSpan.FromMilliseconds(20) });
            var bundle = HazardTestJob.Bundle();

            var calm = await client.RunAsync("calm-" + Guid.NewGuid().ToString("N"), bundle, Options);
            var calmCounts = await client.GetCountsAsync(calm.JobId, 36);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: undisturbed run done ({calm.Status.WorkItemsTotal} work items)");

            var id = "killed-" + Guid.NewGuid().ToString("N");
            var submitted = await client.SubmitAsync(id, bundle, Options);
            var (status, why) = await MidJobSiloKill.KillWhenPartDoneAsync(cluster, client, id, submitted.WorkItemsTotal);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: killed {why} at {status.WorkItemsDone}/{status.WorkItemsTotal} work items");

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            var final = await client.WaitAsync(id, ct: timeout.Token);
            Assert.Equal(HazardJobState.Completed, final.State);
            Assert.Equal(final.WorkItemsTotal, final.WorkItemsDone);
            var counts = await client.GetCountsAsync(id, 36);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: disturbed job completed");

            Assert.Equal(0, HazardTestJob.CountDifferences(calmCounts, counts));
            Assert.Equal(0, HazardTestJob.CountDifferences(HazardTestJob.CoreCounts, counts));
            Assert.Equal(HazardTestJob.Total(calmCounts), HazardTestJob.Total(counts));
            Assert.Equal(0, HazardTestJob.CountDifferences(HazardTestJob.CoreResult.Curves, await client.GetCurvesAsync(id)));
        }
        finally
        {
            await cluster.StopAllSilosAsync();
        }
    }
}
