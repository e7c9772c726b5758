using System.Diagnostics;
using Orleans.Runtime;
using QuakeGrid.Client;
using QuakeGrid.Cluster.Tests.Support;
using QuakeGrid.Contracts.Hazard;
using QuakeGrid.Core.Hazard;
using QuakeGrid.Core.Hazard.EventBased;
using QuakeGrid.Core.IO.Job;
using Xunit.Abstractions;

namespace QuakeGrid.Cluster.Tests.HazardJob;

/// <summary>
/// Event-based hazard jobs on a real cluster started with <c>deploy/local-cluster.sh start 2</c> (Redis clustering and
/// Redis grain storage, two silo processes, a client joining through Redis):
/// <list type="number">
/// <item>a job's coordinator silo is SIGKILLed mid-job: the job completes, with exceedance counts identical to the same
/// job run undisturbed on the cluster, and to Core in this process;</item>
/// <item>the whole cluster is restarted (<c>stop-silos</c>, Redis kept, <c>start 2</c>) while a job runs: the finished
/// jobs' results are still there, and the unfinished job resumes (woken by the client's status poll) and completes with
/// the same counts.</item>
/// </list>
/// </summary>
public sealed class HazardJobClusterTests(ITestOutputHelper output)
{
    // 9 tiles x two ruptures per batch: about 300 short work items, run two at a time.
    private static readonly HazardJobOptions Options = new(TileSize: 4, RupturesPerBatch: 2, MaxConcurrentBatches: 2);

    // The jobs that are disrupted: one site per tile x one rupture per batch, one work item at a time (about 2,500 in
    // sequence, a few seconds), so the job is still running when a silo goes. The split differs from the undisturbed
    // job's, and the counts must still be identical (they do not depend on the split).
    private static readonly HazardJobOptions Slow = new(TileSize: 1, RupturesPerBatch: 1, MaxConcurrentBatches: 1);

    // A disrupted job must be caught mid-way; one that a stalled poll sees only once finished is checked and replaced.
    private const int MidJobAttempts = 3;
    private static readonly HazardJobClientOptions Polling = new() { PollInterval = TimeSpan.FromMilliseconds(20) };

    private static string JobPath => Path.Combine(AppContext.BaseDirectory, "data", "hazardjob", "job.ini");

    [RedisFact]
    public async Task SigkilledSiloAndWholeClusterRestartLeaveCountsIdentical()
    {
        var clock = Stopwatch.StartNew();
        void Log(string what) => output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s: {what}");
        var core = CoreCounts();
        using var cluster = await LocalCluster.StartAsync(2, $"qg-hz-{Guid.NewGuid():N}");
        Log($"local-cluster.sh start 2: ready, Redis {cluster.Redis}, run folder {cluster.RunDir}");

        var bundle = JobBundles.FromJobFile(JobPath);
        var connection = await QuakeGridConnection.ConnectAsync(cluster.Redis, cluster.ClusterId, cluster.ClusterId);
        try
        {
            var client = new HazardJobClient(connection.Client, Polling);
            var calm = await client.RunAsync("calm-" + Guid.NewGuid().ToString("N"), bundle, Options);
            var calmCounts = await client.GetCountsAsync(calm.JobId, 36);
            Assert.Equal(0, Differences(core, calmCounts));
            Log($"undisturbed job: {calm.Status.WorkItemsTotal} work items, counts equal Core's");

            // 1. SIGKILL the silo hosting the coordinator of a running job.
            var (killed, at) = await SubmitMidJobAsync(client, "killed", bundle, calmCounts, Log);
            var victim = await CoordinatorSiloAsync(connection, cluster, killed);
            Assert.True(Signals.KillHard(cluster.SiloPid(victim)), $"could not SIGKILL silo-{victim}");
            Log($"SIGKILLed silo-{victim} (the coordinator's) at {at.WorkItemsDone}/{at.WorkItemsTotal} work items");
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
                Assert.Equal(HazardJobState.Completed, (await client.WaitAsync(killed, ct: timeout.Token)).State);
            var killedCounts = await client.GetCountsAsync(killed, 36);
            Assert.Equal(0, Differences(calmCounts, killedCounts));
            Log("job with the killed silo completed on the survivor; counts identical to the undisturbed run");

            // 2. A job running when every silo stops; Redis (and the grain state) stays.
            var (resumed, before) = await SubmitMidJobAsync(client, "resumed", bundle, calmCounts, Log);
            await connection.DisposeAsync();
            await cluster.StopSilosAsync();
            Log($"local-cluster.sh stop-silos at {before.WorkItemsDone}/{before.WorkItemsTotal} work items of the running job");
            await cluster.StartSilosAsync(2);
            Log("local-cluster.sh start 2: new silos up on the same Redis");

            connection = await QuakeGridConnection.ConnectAsync(cluster.Redis, cluster.ClusterId, cluster.ClusterId);
            client = new HazardJobClient(connection.Client, Polling);
            var calmAgain = await client.GetStatusAsync(calm.JobId);
            Assert.Equal(HazardJobState.Completed, calmAgain.State);
            Assert.Equal(0, Differences(calmCounts, await client.GetCountsAsync(calm.JobId, 36)));
            Assert.Equal(0, CurveDifferences(calm.Curves, await client.GetCurvesAsync(calm.JobId)));
            Assert.Equal(HazardJobState.Completed, (await client.GetStatusAsync(killed)).State);
            Log("finished jobs' status, counts and curves are still there after the restart");

            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
                Assert.Equal(HazardJobState.Completed, (await client.WaitAsync(resumed, ct: timeout.Token)).State);
            Assert.Equal(0, Differences(calmCounts, await client.GetCountsAsync(resumed, 36)));
            Log("the interrupted job resumed on the new silos and completed; counts identical to the undisturbed run");

            foreach (var id in new[] { calm.JobId, killed, resumed }) await client.ReleaseAsync(id);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"{e.Message}\nsilo-1 log:\n{cluster.SiloLog(1)}\nsilo-2 log:\n{cluster.SiloLog(2)}", e);
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>Core's counts for the job: one tile holding every site, every rupture (the undisturbed reference).</summary>
    private static long[][][] CoreCounts()
    {
        var plan = EventBasedPlan.Prepare(JobIniReader.Read(JobPath));
        return EventBasedTile.Create(plan, Enumerable.Range(0, plan.SiteCount).ToArray()).Simulate(0, plan.RuptureCount).Counts;
    }

    /// <summary>
    /// Submits the job with <see cref="Slow"/> options and returns once it is running with at least 1/50 of its work
    /// items done. A job that the poll first sees finished (the machine stalled the poll) must have the undisturbed
    /// counts; it is released and a fresh job tried, at most <see cref="MidJobAttempts"/> times in all.
    /// </summary>
    private static async Task<(string Id, HazardJobStatus Status)> SubmitMidJobAsync(
        HazardJobClient client, string prefix, JobBundle bundle, long[][][] calmCounts, Action<string> log)
    {
        for (var attempt = 1; ; attempt++)
        {
            var id = prefix + "-" + Guid.NewGuid().ToString("N");
            var status = await client.SubmitAsync(id, bundle, Slow);
            var threshold = Math.Max(1, status.WorkItemsTotal / 50);
            while (status.State == HazardJobState.Running && status.WorkItemsDone < threshold)
            {
                await Task.Delay(10);
                status = await client.GetStatusAsync(id);
            }
            if (status.State == HazardJobState.Running) return (id, status);

            Assert.True(status.State == HazardJobState.Completed, $"job {id} is {status.State} before any disruption");
            Assert.Equal(0, Differences(calmCounts, await client.GetCountsAsync(id, 36)));
            await client.ReleaseAsync(id);
            log($"attempt {attempt}: job {id} completed ({status.WorkItemsTotal} work items) before the poll caught it mid-way");
            Assert.True(attempt < MidJobAttempts, $"{MidJobAttempts} jobs in a row completed before they could be disrupted: the job is too small for this test");
        }
    }

    /// <summary>The 1-based local-cluster index of the silo hosting the job's coordinator.</summary>
    private static async Task<int> CoordinatorSiloAsync(QuakeGridConnection connection, LocalCluster cluster, string jobId)
    {
        var stats = await connection.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var coordinator = stats.Single(s => s.GrainId.ToString().EndsWith("/" + jobId, StringComparison.Ordinal));
        return cluster.SiloIndexOfPort(coordinator.SiloAddress.Endpoint.Port);
    }

    private static int Differences(long[][][] a, long[][][] b)
    {
        Assert.Equal(a.Length, b.Length);
        var diffs = 0;
        for (var br = 0; br < a.Length; br++)
        for (var k = 0; k < a[br].Length; k++)
        {
            Assert.Equal(a[br][k].Length, b[br][k].Length);
            for (var j = 0; j < a[br][k].Length; j++) if (a[br][k][j] != b[br][k][j]) diffs++;
        }
        Assert.True(a.Sum(x => x.Sum(y => y.Sum())) > 1000, "the comparison is over real exceedances");
        return diffs;
    }

    private static int CurveDifferences(HazardCurveSet a, HazardCurveSet b)
    {
        var diffs = 0;
        for (var k = 0; k < a.Imtls.Count; k++)
        for (var j = 0; j < a.Poes[k].Length; j++)
            if (BitConverter.DoubleToInt64Bits(a.Poes[k][j]) != BitConverter.DoubleToInt64Bits(b.Poes[k][j])) diffs++;
        return diffs;
    }
}
