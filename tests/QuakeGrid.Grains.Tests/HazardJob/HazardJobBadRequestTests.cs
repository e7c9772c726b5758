using QuakeGrid.Client;
using QuakeGrid.Contracts.Grains;
using QuakeGrid.Contracts.Hazard;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Grains.Tests.HazardJob;

/// <summary>
/// Bad requests to hazard job grains are clear <see cref="QuakeGridInputException"/>s naming the field, and change no
/// state: an unknown job stays unknown, a finished job keeps its status and curves.
/// </summary>
[Collection(HazardClusterCollection.Name)]
public sealed class HazardJobBadRequestTests(HazardClusterFixture fixture)
{
    private IHazardJobGrain Job(string id) => fixture.Cluster.Client.GetGrain<IHazardJobGrain>(id);

    [Fact]
    public async Task UnknownJobIsAnInputError()
    {
        var id = "unknown-" + Guid.NewGuid().ToString("N");
        var e = await Assert.ThrowsAsync<QuakeGridInputException>(() => Job(id).GetStatusAsync());
        Assert.Equal("unknown job", e.Problem);
        Assert.Equal(id, e.Record);
        await Assert.ThrowsAsync<QuakeGridInputException>(() => Job(id).GetCurvesAsync(0, 10));
        await Assert.ThrowsAsync<QuakeGridInputException>(() => Job(id).GetSiteHazardAsync(-122, 38, 10));
    }

    [Fact]
    public async Task InvalidImtInTheJobIsRejectedNamingTheBundleFileAndKeyAndLeavesNoJob()
    {
        var good = HazardTestJob.Bundle();
        var files = new Dictionary<string, string>(good.Files) { ["job.ini"] = good.Files["job.ini"].Replace("\"SA(1.0)\"", "\"SA(x)\"") };
        Assert.NotEqual(good.Files["job.ini"], files["job.ini"]);
        var id = "bad-imt-" + Guid.NewGuid().ToString("N");
        var e = await Assert.ThrowsAsync<QuakeGridInputException>(() => Job(id).SubmitAsync(good with { Files = files }, new HazardJobOptions()));
        Assert.Equal("job.ini", e.Source);
        Assert.Equal("intensity_measure_types_and_levels", e.Field);
        Assert.DoesNotContain(Path.GetTempPath(), e.Message);
        Assert.Equal("unknown job", (await Assert.ThrowsAsync<QuakeGridInputException>(() => Job(id).GetStatusAsync())).Problem);
    }

    [Fact]
    public async Task UnsafeBundlePathsAndBadOptionsAreRejected()
    {
        var good = HazardTestJob.Bundle();
        var files = new Dictionary<string, string>(good.Files) { ["../escape.xml"] = "<nrml/>" };
        var id = "bad-path-" + Guid.NewGuid().ToString("N");
        var e = await Assert.ThrowsAsync<QuakeGridInputException>(() => Job(id).SubmitAsync(good with { Files = files }, new HazardJobOptions()));
        Assert.Equal("name", e.Field);
        var o = await Assert.ThrowsAsync<QuakeGridInputException>(() => Job(id).SubmitAsync(good, new HazardJobOptions(TileSize: 0)));
        Assert.Equal("tileSize", o.Field);
        var m = await Assert.ThrowsAsync<QuakeGridInputException>(() => Job(id).SubmitAsync(good with { JobFileName = "missing.ini" }, new HazardJobOptions()));
        Assert.Equal("jobFileName", m.Field);
        await Assert.ThrowsAsync<QuakeGridInputException>(() => Job(id).GetStatusAsync());
    }

    [Fact]
    public async Task AJobNamingAFileOutsideItsBundleIsRefusedWithoutReadingItAndLeavesNoJob()
    {
        var secret = Path.Combine(Path.GetTempPath(), "qg-secret-" + Guid.NewGuid().ToString("N") + ".xml");
        File.WriteAllText(secret, "TOP-SECRET-LINE\n");
        try
        {
            var good = HazardTestJob.Bundle();
            var ini = good.Files["job.ini"].Replace("gsim_logic_tree_file = gsim_logic_tree.xml", "gsim_logic_tree_file = " + secret);
            Assert.NotEqual(good.Files["job.ini"], ini);
            var files = new Dictionary<string, string>(good.Files) { ["job.ini"] = ini };
            var id = "escape-" + Guid.NewGuid().ToString("N");
            var e = await Assert.ThrowsAsync<QuakeGridInputException>(() => Job(id).SubmitAsync(good with { Files = files }, new HazardJobOptions()));
            Assert.Equal("job.ini", e.Source);
            Assert.Equal("gsim_logic_tree_file", e.Field);
            Assert.DoesNotContain("TOP-SECRET", e.Message);
            Assert.Equal("unknown job", (await Assert.ThrowsAsync<QuakeGridInputException>(() => Job(id).GetStatusAsync())).Problem);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public async Task QueriesOfAFinishedJobAreCheckedAndChangeNothing()
    {
        var client = new HazardJobClient(fixture.Cluster.Client, new HazardJobClientOptions { PollInterval = TimeSpan.FromMilliseconds(20) });
        var id = "queries-" + Guid.NewGuid().ToString("N");
        var run = await client.RunAsync(id, HazardTestJob.Bundle(), new HazardJobOptions(TileSize: 12));
        var job = Job(id);

        // A point far from every site (the job covers about -122.1..-121.9 E, 38.0..38.2 N).
        var far = await Assert.ThrowsAsync<QuakeGridInputException>(() => job.GetSiteHazardAsync(0.0, 0.0, 50.0));
        Assert.Contains("within 50 km", far.Problem);
        Assert.Equal("lat", (await Assert.ThrowsAsync<QuakeGridInputException>(() => job.GetSiteHazardAsync(-122, 95, 10))).Field);
        Assert.Equal("maxDistanceKm", (await Assert.ThrowsAsync<QuakeGridInputException>(() => job.GetSiteHazardAsync(-122, 38, -1))).Field);

        // Oversized page, pages outside the job, invalid or foreign IMTs.
        Assert.Equal("count", (await Assert.ThrowsAsync<QuakeGridInputException>(() => job.GetCurvesAsync(0, HazardJobLimits.MaxSitesPerPage + 1))).Field);
        Assert.Equal("firstSite", (await Assert.ThrowsAsync<QuakeGridInputException>(() => job.GetCurvesAsync(36, 1))).Field);
        var badImt = await Assert.ThrowsAsync<QuakeGridInputException>(() => job.GetCurvesAsync(0, 10, ["SA(x)"]));
        Assert.Equal("imts", badImt.Field);
        Assert.Contains("SA(x)", badImt.Problem);
        Assert.Contains("PGV", (await Assert.ThrowsAsync<QuakeGridInputException>(() => job.GetCurvesAsync(0, 10, ["PGV"]))).Problem);

        // Resubmitting the id with other options is refused.
        await Assert.ThrowsAsync<QuakeGridInputException>(() => job.SubmitAsync(HazardTestJob.Bundle(), new HazardJobOptions(TileSize: 7)));

        // Nothing changed: same status, same curves; a good query answers with the nearest site's curve.
        Assert.Equal(run.Status, await job.GetStatusAsync());
        Assert.Equal(0, HazardTestJob.CountDifferences(run.Curves, await client.GetCurvesAsync(id)));
        var site = await job.GetSiteHazardAsync(-122.099, 38.001, 5.0);
        Assert.Equal(0, site.SiteIndex);
        Assert.InRange(site.DistanceKm, 0.0, 0.2);
        Assert.Equal(run.Curves.Curve(0, 0).ToArray(), site.Curves[0].Poes);
        Assert.Equal("PGA", site.Curves[0].Imt);
        var sa = await job.GetCurvesAsync(3, 4, ["SA(1)"]);
        Assert.Equal(["SA(1.0)"], sa.Imts);
        Assert.Equal(run.Curves.Poes[1].AsSpan(3 * 5, 4 * 5).ToArray(), sa.Poes[0]);
        await client.ReleaseAsync(id);
        await Assert.ThrowsAsync<QuakeGridInputException>(() => job.GetStatusAsync());
    }

    [Fact]
    public async Task ClassicalPlanErrorNamesTheBundleFileNotTheTemporaryFolderAndLeavesNoJob()
    {
        // Sadigh 1997 (one of the classical test job's two gsim branches) has no PGV: the plan's error, raised after the
        // bundle's temporary folder is gone, names the bundle's job file.
        var good = ClassicalTestJob.Bundle();
        var files = new Dictionary<string, string>(good.Files) { ["job.ini"] = good.Files["job.ini"].Replace("\"PGA\"", "\"PGV\"") };
        Assert.NotEqual(good.Files["job.ini"], files["job.ini"]);
        var id = "classical-pgv-" + Guid.NewGuid().ToString("N");
        var e = await Assert.ThrowsAsync<QuakeGridInputException>(() => Job(id).SubmitAsync(good with { Files = files }, new HazardJobOptions()));
        Assert.Equal("job.ini", e.Source);
        Assert.Equal("intensity_measure_types_and_levels", e.Field);
        Assert.Contains("PGV", e.Problem);
        Assert.DoesNotContain(Path.GetTempPath(), e.Message);
        Assert.Equal("unknown job", (await Assert.ThrowsAsync<QuakeGridInputException>(() => Job(id).GetStatusAsync())).Problem);
    }
}
