using System.Diagnostics;
using Orleans.Runtime;
using Orleans.TestingHost;
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
            HazardJobStatus status;
            do
            {
                await Task.Delay(10);
                status = await client.GetStatusAsync(id);
            } while (status.WorkItemsDone < submitted.WorkItemsTotal / 6 && status.State == HazardJobState.Running);
            Assert.Equal(HazardJobState.Running, status.State);

            var victim = await ChooseVictimAsync(cluster, id);
            await cluster.KillSiloAsync(victim.Silo);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: killed {victim.Why} at {status.WorkItemsDone}/{status.WorkItemsTotal} work items");

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

    internal static async Task<(SiloHandle Silo, string Why)> ChooseVictimAsync(TestCluster cluster, string jobId)
    {
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var stats = await management.GetDetailedGrainStatistics();
        var mine = stats.Where(s => s.GrainId.ToString().Contains(jobId, StringComparison.Ordinal)).ToArray();
        var coordinator = mine.FirstOrDefault(s => !s.GrainId.ToString().Contains("/hazard-tile-", StringComparison.Ordinal));
        var secondaries = cluster.SecondarySilos.ToArray();
        if (coordinator is not null && secondaries.FirstOrDefault(h => h.SiloAddress.Equals(coordinator.SiloAddress)) is { } host)
            return (host, "the coordinator's silo " + host.SiloAddress);
        var regionHost = secondaries.FirstOrDefault(h => mine.Any(s => s.SiloAddress.Equals(h.SiloAddress)))
            ?? throw new InvalidOperationException($"no secondary silo hosts a grain of job {jobId}: {string.Join(", ", mine.Select(s => $"{s.GrainId}@{s.SiloAddress}"))}");
        return (regionHost, $"silo {regionHost.SiloAddress} hosting {mine.Count(s => s.SiloAddress.Equals(regionHost.SiloAddress))} region grains");
    }
}
