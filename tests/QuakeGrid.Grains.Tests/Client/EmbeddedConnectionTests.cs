using QuakeGrid.Client;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Sites;
using QuakeGrid.Grains.Tests.Support;

namespace QuakeGrid.Grains.Tests.Client;

/// <summary>The embedded (in-process silo) connection runs a scenario and shuts down; two at once do not clash.</summary>
public sealed class EmbeddedConnectionTests
{
    [Fact]
    public async Task TwoEmbeddedSilosRunSideBySideAndMatchDirectCore()
    {
        var rupture = TestInputs.HaywardRupture();
        var all = TestInputs.HaywardSites;
        var sites = SiteTiling.Extract(all, Enumerable.Range(0, 600).Select(i => i * 5).ToArray());
        Imt[] imts = [Imt.Pga, Imt.Sa(1.0)];
        var direct = ScenarioGroundMotion.Evaluate(GmmFactory.Create("BooreEtAl2014", GmmOptions.Default), rupture, sites, imts);

        await using var a = await QuakeGridConnection.StartEmbeddedAsync();
        await using var b = await QuakeGridConnection.StartEmbeddedAsync();
        Assert.True(a.IsEmbedded);
        var request = new ScenarioRequest(rupture, sites, imts, "BooreEtAl2014", GmmOptions.Default, 128);
        var results = await Task.WhenAll(a.Scenarios.RunAsync(request), b.Scenarios.RunAsync(request));

        Assert.NotEqual(results[0].JobId, results[1].JobId);
        Assert.Equal(0, BitCompare.CountDifferences(direct, results[0].Values));
        Assert.Equal(0, BitCompare.CountDifferences(direct, results[1].Values));
    }
}
