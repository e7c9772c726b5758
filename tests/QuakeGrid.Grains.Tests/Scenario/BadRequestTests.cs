using QuakeGrid.Client;
using QuakeGrid.Contracts.Grains;
using QuakeGrid.Contracts.Mapping;
using QuakeGrid.Contracts.Scenario;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Validation;
using QuakeGrid.Grains.Tests.Support;

namespace QuakeGrid.Grains.Tests.Scenario;

/// <summary>Bad requests are refused with an error naming the field, by the coordinator grain and by the client.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BadRequestTests(ClusterFixture fixture)
{
    private static ScenarioJobSpec Spec(string jobId, string[] imts, string gmm = "BooreEtAl2014", int regions = 1) =>
        new(jobId, RuptureSpecMapper.FromCore(TestInputs.HaywardRupture()), imts, GmmSpecMapper.FromCore(gmm, GmmOptions.Default), regions, 10);

    [Fact]
    public async Task CoordinatorRefusesUnknownImt()
    {
        var job = fixture.Cluster.Client.GetGrain<IScenarioJobGrain>("bad-imt");
        var e = await Assert.ThrowsAsync<QuakeGridInputException>(() => job.StartAsync(Spec("bad-imt", ["PGA", "SA(fast)"])));
        Assert.Contains("unknown intensity measure type 'SA(fast)'", e.Message);
        Assert.Contains("field 'imts'", e.Message);
        Assert.Equal(ScenarioJobStatus.Unknown, (await job.GetProgressAsync()).Status);
    }

    [Fact]
    public async Task CoordinatorRefusesPeriodOutsideTheModel()
    {
        var job = fixture.Cluster.Client.GetGrain<IScenarioJobGrain>("bad-period");
        var e = await Assert.ThrowsAsync<QuakeGridInputException>(() => job.StartAsync(Spec("bad-period", ["SA(20.0)"])));
        Assert.Contains("does not support IMT 'SA(20.0)'", e.Message);
    }

    [Fact]
    public async Task CoordinatorRefusesUnknownGmm()
    {
        var job = fixture.Cluster.Client.GetGrain<IScenarioJobGrain>("bad-gmm");
        var e = await Assert.ThrowsAsync<QuakeGridInputException>(() => job.StartAsync(Spec("bad-gmm", ["PGA"], gmm: "NoSuchModel2099")));
        Assert.Contains("NoSuchModel2099", e.Message);
        Assert.Contains("field 'gmm'", e.Message);
    }

    [Fact]
    public async Task CoordinatorRefusesSpecSentToAnotherJob()
    {
        var job = fixture.Cluster.Client.GetGrain<IScenarioJobGrain>("job-a");
        var e = await Assert.ThrowsAsync<QuakeGridInputException>(() => job.StartAsync(Spec("job-b", ["PGA"])));
        Assert.Contains("field 'jobId'", e.Message);
    }

    [Fact]
    public async Task ClientRefusesUnknownGmmBeforeUploadingSites()
    {
        var client = new ScenarioJobClient(fixture.Cluster.Client);
        var e = await Assert.ThrowsAsync<QuakeGridInputException>(() => client.RunAsync(
            new ScenarioRequest(TestInputs.HaywardRupture(), TestInputs.HaywardSites, [Imt.Pga], "NoSuchModel2099", GmmOptions.Default)));
        Assert.Contains("NoSuchModel2099", e.Message);
    }

    [Fact]
    public async Task ClientRefusesNonPositiveTileSize()
    {
        var client = new ScenarioJobClient(fixture.Cluster.Client);
        var e = await Assert.ThrowsAsync<QuakeGridInputException>(() => client.RunAsync(
            new ScenarioRequest(TestInputs.HaywardRupture(), TestInputs.HaywardSites, [Imt.Pga], "BooreEtAl2014", GmmOptions.Default, 0)));
        Assert.Contains("field 'tileSize'", e.Message);
    }

    [Fact]
    public async Task JobWhoseRegionHoldsNoSitesFailsWithAClearError()
    {
        // Valid spec, but no sites were loaded into region 0: the job must fail and say why, not hang or return zeros.
        var job = fixture.Cluster.Client.GetGrain<IScenarioJobGrain>("no-sites");
        await job.StartAsync(Spec("no-sites", ["PGA"]));
        ScenarioJobProgress p;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            await Task.Delay(50);
            p = await job.GetProgressAsync();
        } while (p.Status == ScenarioJobStatus.Running && DateTime.UtcNow < deadline);
        Assert.Equal(ScenarioJobStatus.Failed, p.Status);
        Assert.Contains("holds no sites", p.Error);
        await job.ReleaseAsync();
    }
}
