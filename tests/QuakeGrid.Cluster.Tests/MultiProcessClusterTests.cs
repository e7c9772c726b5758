using System.Diagnostics;
using Orleans.Runtime;
using QuakeGrid.Client;
using QuakeGrid.Cluster.Tests.Support;
using QuakeGrid.Contracts.Grains;
using QuakeGrid.Contracts.Mapping;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Sites;
using Xunit.Abstractions;

namespace QuakeGrid.Cluster.Tests;

/// <summary>
/// A real cluster: Redis, two silo processes on loopback and a client joining through Redis clustering. The scenario
/// must equal a direct Core call bit for bit, and keep working after one silo process is killed with SIGKILL: the
/// grains that lived there reactivate on the survivor from Redis grain storage.
/// </summary>
public sealed class MultiProcessClusterTests(ITestOutputHelper output)
{
    private static readonly Imt[] Imts = [Imt.Pga, Imt.Sa(1.0)];

    [RedisFact]
    public async Task TwoSiloProcessesServeAClientAndSurviveTheLossOfOne()
    {
        var clock = Stopwatch.StartNew();
        using var redis = await RedisServer.StartAsync();
        var clusterId = $"qg-test-{Guid.NewGuid():N}";
        output.WriteLine($"redis {redis.Connection} ({(redis.Owned ? "started by the test" : "external")}), cluster {clusterId}");

        using var silo1 = SiloProcess.Start("silo-1", redis.Connection, clusterId);
        using var silo2 = SiloProcess.Start("silo-2", redis.Connection, clusterId);
        await Task.WhenAll(silo1.WaitHealthyAsync(TimeSpan.FromSeconds(90)), silo2.WaitHealthyAsync(TimeSpan.FromSeconds(90)));
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: both silos healthy (silo ports {silo1.SiloPort}, {silo2.SiloPort})");

        var rupture = HaywardInputs.Rupture();
        var sites = HaywardInputs.Sites();
        var direct = ScenarioGroundMotion.Evaluate(GmmFactory.Create("BooreEtAl2014", GmmOptions.Default), rupture, sites, Imts);
        var request = new ScenarioRequest(rupture, sites, Imts, "BooreEtAl2014", GmmOptions.Default, TileSize: 100);

        await using var connection = await QuakeGridConnection.ConnectAsync(redis.Connection, clusterId, clusterId);
        Assert.False(connection.IsEmbedded);
        var management = connection.Client.GetGrain<IManagementGrain>(0);
        Assert.Equal(2, (await management.GetHosts(onlyActive: true)).Count);

        var first = await connection.Scenarios.RunAsync(request);
        Assert.Equal(0, CountBitDifferences(direct, first.Values));
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: scenario on 2 silos equals direct Core bit for bit ({sites.Count} sites, 12 tiles)");

        // Region grains of a held job, spread over both silos, their sites persisted in Redis.
        const string heldJob = "held-job";
        var tiles = SiteTiling.Split(sites, 100);
        foreach (var t in tiles)
            await connection.Client.GetGrain<IRegionGrain>(RegionKeys.For(heldJob, t.TileId)).LoadSitesAsync(RegionSitesMapper.FromTile(sites, t));

        silo1.Process.KillHard();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: silo-1 killed with SIGKILL");
        await WaitForActiveHostsAsync(management, 1, TimeSpan.FromSeconds(45), silo2);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: membership declared silo-1 dead");

        // Every region still answers with its sites: those that lived on silo-1 reactivated on silo-2 from Redis storage.
        foreach (var t in tiles)
        {
            var count = await Retry(() => connection.Client.GetGrain<IRegionGrain>(RegionKeys.For(heldJob, t.TileId)).GetSiteCountAsync());
            Assert.Equal(t.Count, count);
        }

        var second = await connection.Scenarios.RunAsync(request);
        Assert.Equal(0, CountBitDifferences(direct, second.Values));
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: after the kill, held regions answered and a new scenario equals direct Core bit for bit");

        foreach (var t in tiles) await connection.Client.GetGrain<IRegionGrain>(RegionKeys.For(heldJob, t.TileId)).ClearAsync();
        await connection.DisposeAsync();
        Assert.True(await silo2.Process.TerminateAsync(TimeSpan.FromSeconds(30)), $"silo-2 did not stop on SIGTERM:\n{silo2.Process.Log}");
        Assert.Equal(0, silo2.Process.ExitCode);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: silo-2 stopped gracefully on SIGTERM (exit code 0)");
    }

    private static async Task WaitForActiveHostsAsync(IManagementGrain management, int expected, TimeSpan timeout, SiloProcess survivor)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = -1;
        Exception? error = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                // A call routed to the dead silo waits until the death is declared (or the 30 s response timeout): cap each try.
                last = (await management.GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(3))).Count;
                if (last == expected) return;
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                // The management call went to the dead silo; ask again.
                error = e;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"the cluster still had {last} active silos after {timeout} (expected {expected}); last error: {error}\n{survivor.Process.Name} log:\n{survivor.Process.Log}");
    }

    private static async Task<T> Retry<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (attempt < 5 && e is OrleansException or TimeoutException)
            {
                await Task.Delay(500 * attempt);
            }
        }
    }

    private static int CountBitDifferences(GmmResult a, GmmResult b)
    {
        var diffs = 0;
        for (var k = 0; k < a.Imts.Count; k++)
            foreach (var (x, y) in new[] { (a.LnMedian[k], b.LnMedian[k]), (a.Tau[k], b.Tau[k]), (a.Phi[k], b.Phi[k]), (a.Sigma[k], b.Sigma[k]) })
            {
                Assert.Equal(x.Length, y.Length);
                for (var i = 0; i < x.Length; i++)
                    if (BitConverter.DoubleToInt64Bits(x[i]) != BitConverter.DoubleToInt64Bits(y[i])) diffs++;
            }
        return diffs;
    }
}
