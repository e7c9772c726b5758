using QuakeGrid.Client;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Imts;
using QuakeGrid.Grains.Tests.Support;

namespace QuakeGrid.Grains.Tests.Scenario;

/// <summary>
/// The scenario through region and coordinator grains on a two-silo cluster must equal a direct Core call
/// (<see cref="ScenarioGroundMotion.Evaluate"/>) over the same inputs, bit for bit, whatever the tile size.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ScenarioDeterminismTests(ClusterFixture fixture)
{
    // The four IMTs plus PGV and an untabulated period (0.123 s, interpolated by the model).
    private static readonly Imt[] Imts = [Imt.Pga, Imt.Sa(0.3), Imt.Sa(1.0), Imt.Sa(3.0), Imt.Pgv, Imt.Sa(0.123)];

    [Theory]
    [InlineData(97)]     // 33 tiles, the last one short
    [InlineData(500)]
    [InlineData(2000)]   // the default tile size
    [InlineData(5000)]   // one tile holding every site
    public async Task Bssa14ThroughGrainsEqualsDirectCoreBitForBit(int tileSize)
    {
        var rupture = TestInputs.HaywardRupture();
        var sites = TestInputs.HaywardSites;
        var direct = ScenarioGroundMotion.Evaluate(GmmFactory.Create("BooreEtAl2014", GmmOptions.Default), rupture, sites, Imts);

        var client = new ScenarioJobClient(fixture.Cluster.Client);
        var result = await client.RunAsync(new ScenarioRequest(rupture, sites, Imts, "BooreEtAl2014", GmmOptions.Default, tileSize));

        Assert.Equal(0, BitCompare.CountDifferences(direct, result.Values));
        // Sanity: the comparison is over real numbers, not empty or NaN arrays.
        Assert.All(result.Values.LnMedian, a => Assert.All(a, v => Assert.True(double.IsFinite(v))));
        Assert.Equal(sites.Count, result.Values.LnMedian[0].Length);
    }

    [Fact]
    public async Task Bssa14WithBasinAndRegionalOptionsThroughGrainsEqualsDirectCore()
    {
        var rupture = TestInputs.HaywardRupture();
        var sites = TestInputs.HaywardSitesWithZ1();
        var options = new GmmOptions(BasinRegion.California, AttenuationRegion.ChinaTurkey, StyleOfFaulting: false);
        var direct = ScenarioGroundMotion.Evaluate(GmmFactory.Create("BooreEtAl2014", options), rupture, sites, Imts);

        var client = new ScenarioJobClient(fixture.Cluster.Client);
        var result = await client.RunAsync(new ScenarioRequest(rupture, sites, Imts, "BooreEtAl2014", options, 400));

        Assert.Equal(0, BitCompare.CountDifferences(direct, result.Values));
        // The options reached the regions: the result differs from the default-options result.
        var plain = ScenarioGroundMotion.Evaluate(GmmFactory.Create("BooreEtAl2014", GmmOptions.Default), rupture, sites, Imts);
        Assert.NotEqual(0, BitCompare.CountDifferences(plain, result.Values));
    }

    [Fact]
    public async Task MultiPlaneRuptureAndSadighThroughGrainsEqualDirectCore()
    {
        // A dipping reverse fault with a bent trace: SimpleFaultGeometry builds one plane per trace piece (MultiPlanarSurface).
        var trace = new[] { new GeoPoint(-122.40, 37.60), new GeoPoint(-122.20, 37.80), new GeoPoint(-122.15, 38.05) };
        var surface = new SimpleFaultGeometry(trace, 60.0, 2.0, 14.0).ToSurface();
        Assert.IsType<MultiPlanarSurface>(surface);
        var rupture = new Rupture(6.6, 90.0, new GeoPoint(-122.2, 37.8, 8.0), surface);
        var sites = TestInputs.HaywardSites;
        Imt[] imts = [Imt.Pga, Imt.Sa(0.2), Imt.Sa(1.0)];

        foreach (var (name, options) in new[] { ("BooreEtAl2014", GmmOptions.Default), ("SadighEtAl1997", GmmOptions.Default) })
        {
            var direct = ScenarioGroundMotion.Evaluate(GmmFactory.Create(name, options), rupture, sites, imts);
            var client = new ScenarioJobClient(fixture.Cluster.Client);
            var result = await client.RunAsync(new ScenarioRequest(rupture, sites, imts, name, options, 250));
            Assert.Equal(0, BitCompare.CountDifferences(direct, result.Values));
        }
    }

    [Fact]
    public async Task ProgressIsReportedUpToAllRegions()
    {
        var reports = new List<ScenarioProgress>();
        var progress = new SynchronousProgress(reports);
        var client = new ScenarioJobClient(fixture.Cluster.Client);
        await client.RunAsync(new ScenarioRequest(TestInputs.HaywardRupture(), TestInputs.HaywardSites, [Imt.Pga], "BooreEtAl2014", GmmOptions.Default, 300), progress);

        var total = (TestInputs.HaywardSites.Count + 299) / 300;
        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.Equal(total, r.RegionsTotal));
        Assert.Equal(total, reports[^1].RegionsDone);
        for (var i = 1; i < reports.Count; i++) Assert.True(reports[i].RegionsDone > reports[i - 1].RegionsDone);
    }

    /// <summary>Records reports on the reporting thread (Progress&lt;T&gt; would post them asynchronously).</summary>
    private sealed class SynchronousProgress(List<ScenarioProgress> into) : IProgress<ScenarioProgress>
    {
        public void Report(ScenarioProgress value)
        {
            lock (into) into.Add(value);
        }
    }
}
