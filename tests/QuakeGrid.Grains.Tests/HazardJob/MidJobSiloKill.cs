using Orleans.Runtime;
using Orleans.TestingHost;
using QuakeGrid.Client;
using QuakeGrid.Contracts.Hazard;

namespace QuakeGrid.Grains.Tests.HazardJob;

/// <summary>
/// The disturbance shared by the silo-loss tests (event-based and classical): wait until a job is part-way through,
/// then kill (no graceful shutdown) a secondary silo that matters to it.
/// </summary>
internal static class MidJobSiloKill
{
    /// <summary>
    /// Waits until a sixth of <paramref name="workItemsTotal"/> is done, asserts the job is still running, kills the
    /// silo chosen by <see cref="ChooseVictimAsync"/>; returns the status seen and why that silo was chosen.
    /// </summary>
    public static async Task<(HazardJobStatus Status, string Why)> KillWhenPartDoneAsync(TestCluster cluster, HazardJobClient client,
        string jobId, int workItemsTotal)
    {
        HazardJobStatus status;
        do
        {
            await Task.Delay(10);
            status = await client.GetStatusAsync(jobId);
        } while (status.WorkItemsDone < workItemsTotal / 6 && status.State == HazardJobState.Running);
        Assert.Equal(HazardJobState.Running, status.State);
        var victim = await ChooseVictimAsync(cluster, jobId);
        await cluster.KillSiloAsync(victim.Silo);
        return (status, victim.Why);
    }

    /// <summary>
    /// The coordinator's silo when that is not the primary silo (the job must resume from storage), otherwise a
    /// secondary silo hosting region grains of the job (their unfinished batches must be re-dispatched, never applied twice).
    /// </summary>
    public static async Task<(SiloHandle Silo, string Why)> ChooseVictimAsync(TestCluster cluster, string jobId)
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
