using QuakeGrid.Client;
using QuakeGrid.Contracts.Hazard;
using QuakeGrid.Core.Hazard;
using QuakeGrid.Core.IO.Job;

namespace QuakeGrid.Grains.Tests.HazardJob;

/// <summary>
/// The event-based test job with a posterior correlation model (<c>--correlation posterior:posterior_e.csv:4</c>, packed
/// into the bundle) through the hazard job grains on three silos equals Core's <c>EventBasedCalculator.Run</c> of the same
/// job bit for bit, for two tilings; and differs from the job's JB2009 result (the per-event draws are used).
/// </summary>
[Collection(HazardClusterCollection.Name)]
public sealed class HazardPosteriorGrainTests(HazardClusterFixture fixture)
{
    private static readonly HazardJobClientOptions Fast = new() { PollInterval = TimeSpan.FromMilliseconds(20) };

    private static string Correlation => "posterior:" + Path.Combine(AppContext.BaseDirectory, "data", "hazardjob", "posterior_e.csv") + ":4";

    private static readonly Lazy<EventBasedResult> Core = new(() =>
        EventBasedCalculator.Run(CorrelationModelSetting.Override(JobIniReader.Read(HazardTestJob.JobPath), Correlation)));

    [Theory]
    [InlineData(5, 0)]
    [InlineData(36, 7)]
    public async Task ThreeSilosEqualCoreBitForBit(int tileSize, int rupturesPerBatch)
    {
        Assert.True(HazardTestJob.CountDifferences(HazardTestJob.CoreResult.Curves, Core.Value.Curves) > 0, "the posterior changes the curves");
        await AssertClusterEqualsCore(Core.Value, Correlation, "posterior_e.csv", tileSize, rupturesPerBatch);
    }

    private static string EasCorrelation => "posterior:" + Path.Combine(AppContext.BaseDirectory, "data", "hazardjob", "posterior_eas.csv") + ":8";

    private static readonly Lazy<EventBasedResult> CoreEas = new(() =>
        EventBasedCalculator.Run(CorrelationModelSetting.Override(JobIniReader.Read(HazardTestJob.JobPath), EasCorrelation)));

    /// <summary>
    /// A model EAS posterior (kernels about each rupture's epicentre, Vecchia rows per rupture and draw in each tile):
    /// three silos equal Core bit for bit for two tilings; the curves differ from the model E posterior's.
    /// </summary>
    [Theory]
    [InlineData(5, 0)]
    [InlineData(36, 7)]
    public async Task EasPosteriorOnThreeSilosEqualsCoreBitForBit(int tileSize, int rupturesPerBatch)
    {
        Assert.True(HazardTestJob.CountDifferences(Core.Value.Curves, CoreEas.Value.Curves) > 0, "the EAS posterior changes the curves");
        await AssertClusterEqualsCore(CoreEas.Value, EasCorrelation, "posterior_eas.csv", tileSize, rupturesPerBatch);
    }

    /// <summary>Runs the test job with <paramref name="correlation"/> (its posterior file packed in the bundle) on the cluster and compares with <paramref name="core"/>.</summary>
    private async Task AssertClusterEqualsCore(EventBasedResult core, string correlation, string posteriorFile, int tileSize, int rupturesPerBatch)
    {
        var client = new HazardJobClient(fixture.Cluster.Client, Fast);
        var jobId = $"posterior-{Path.GetFileNameWithoutExtension(posteriorFile)}-{tileSize}-{Guid.NewGuid():N}";
        var bundle = JobBundles.FromJobFile(HazardTestJob.JobPath, correlation);
        Assert.Contains(posteriorFile, bundle.Files.Keys);
        var result = await client.RunAsync(jobId, bundle, new HazardJobOptions(tileSize, rupturesPerBatch));
        Assert.Equal(HazardJobState.Completed, result.Status.State);
        Assert.Equal(core.EventCount, result.Status.EventsDone);
        Assert.Equal(0, HazardTestJob.CountDifferences(core.Curves, result.Curves));
        await client.ReleaseAsync(jobId);
    }
}
