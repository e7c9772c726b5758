using System.Diagnostics;
using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Conditioning;

/// <summary>Timings of one scalable conditioning run (seconds) and its size.</summary>
public sealed record ConditioningBenchmarkResult(
    int Targets, int Stations, int Samples, int Neighbours, int Threads,
    double StationSystemSeconds, double KrigingSeconds, double FieldStructureSeconds, double FieldFactorSeconds,
    double FieldSampleSeconds, double UpdateSeconds, double TotalSeconds, double MeanOfStd)
{
    public override string ToString() =>
        $"conditioning: {Targets:N0} targets, {Stations} stations, {Samples} samples, k = {Neighbours}, threads = {Threads}\n" +
        $"  station system (C_DD, posterior of H) {StationSystemSeconds:F3} s\n" +
        $"  k-NN kriging (mean, std, weights)     {KrigingSeconds:F3} s\n" +
        $"  unconditional field: ordering {FieldStructureSeconds:F3} s, factor {FieldFactorSeconds:F3} s, sweep {FieldSampleSeconds:F3} s\n" +
        $"  Matheron update                       {UpdateSeconds:F3} s\n" +
        $"  total                                 {TotalSeconds:F3} s (mean conditional std {MeanOfStd:F3})";
}

/// <summary>
/// The conditioning benchmark: N targets (a jittered grid) on S stations (uniform random) in a ~300 km square,
/// PGA with JB2009 (no Vs30 clustering), a synthetic attenuating median with tau 0.4 and phi 0.6, 20 % of stations with
/// an observation ln sigma of 0.3; scalable kriging on k nearest stations and E conditional fields by the Matheron
/// update over a Vecchia field (default m = 30, max-min order; the <c>vecchia</c> argument changes it). For <c>quakegrid bench condition</c>.
/// </summary>
public static class ConditioningBenchmark
{
    public static ConditioningBenchmarkResult Run(int targets = 100_000, int stations = 500, int samples = 100,
        int neighbours = 50, ulong seed = 1, int maxParallelism = -1, Gp.Vecchia.VecchiaOptions? vecchia = null)
    {
        var (st, tg) = BuildScenario(targets, stations, seed);
        var model = ConditioningModel.FromSpec("JB2009");
        var total = Stopwatch.StartNew();
        var sw = Stopwatch.StartNew();
        var sys = StationSystem.Build(st, model, tg.Imt);
        var tSys = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var field = ScalableConditioner.Condition(sys, tg, model,
            new ScalableConditioningOptions { NeighbourCount = neighbours, MaxDegreeOfParallelism = maxParallelism }, out var w);
        var tKrige = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var sampler = new VecchiaFieldSampler(vecchia, maxParallelism: maxParallelism);
        var y = ConditionalSampler.Sample(field, w!, model, sampler, seed, 0, samples, maxParallelism);
        var tSample = sw.Elapsed.TotalSeconds;
        var tField = sampler.StructureTime.TotalSeconds + sampler.FactorTime.TotalSeconds + sampler.SampleTime.TotalSeconds;
        GC.KeepAlive(y);
        return new ConditioningBenchmarkResult(targets, stations, samples, neighbours,
            maxParallelism > 0 ? maxParallelism : Environment.ProcessorCount,
            tSys, tKrige, sampler.StructureTime.TotalSeconds, sampler.FactorTime.TotalSeconds, sampler.SampleTime.TotalSeconds,
            tSample - tField, total.Elapsed.TotalSeconds, field.StdLn.Average());
    }

    /// <summary>The synthetic benchmark problem (deterministic in <paramref name="seed"/>).</summary>
    public static (ConditioningStations Stations, ConditioningTargets Targets) BuildScenario(int targets, int stations, ulong seed)
    {
        var rng = new Random.Xoshiro256StarStar(Random.SeedDerivation.Derive(seed, 0, "bench-condition"));
        const double lon0 = -120.0, lat0 = 36.0, sizeKm = 300.0;
        var proj = new LocalProjection(lon0, lat0);
        var dLat = sizeKm / 111.195;
        var dLon = dLat / Math.Cos(lat0 * Math.PI / 180.0);
        var side = (int)Math.Ceiling(Math.Sqrt(targets));
        double[] tLon = new double[targets], tLat = new double[targets];
        for (var j = 0; j < targets; j++)
        {
            tLon[j] = lon0 - dLon / 2 + (j % side + rng.NextDouble()) * dLon / side;
            tLat[j] = lat0 - dLat / 2 + (j / side + rng.NextDouble()) * dLat / side;
        }
        double[] sLon = new double[stations], sLat = new double[stations];
        for (var s = 0; s < stations; s++)
        {
            sLon[s] = lon0 + dLon * (rng.NextDouble() - 0.5);
            sLat[s] = lat0 + dLat * (rng.NextDouble() - 0.5);
        }
        var tSites = Sites(proj, tLon, tLat);
        var sSites = Sites(proj, sLon, sLat);
        var sx = sSites.X; var sy = sSites.Y; var tx = tSites.X; var ty = tSites.Y;
        static double Median(double x, double y) => Math.Log(0.5) - 1.2 * Math.Log(Math.Sqrt(x * x + y * y) + 10.0) + 2.5;
        var obs = new double[stations];
        var sig = new double[stations];
        var mu = new double[stations];
        for (var s = 0; s < stations; s++)
        {
            mu[s] = Median(sx[s], sy[s]);
            obs[s] = mu[s] + 0.2 + 0.7 * rng.NextStandardNormal();
            sig[s] = s % 5 == 0 ? 0.3 : 0.0;
        }
        var tau = Enumerable.Repeat(0.4, stations).ToArray();
        var phi = Enumerable.Repeat(0.6, stations).ToArray();
        var st = new ConditioningStations(sSites, new[] { Imt.Pga }, new[] { obs }, new[] { sig }, new[] { mu }, new[] { tau }, new[] { phi },
            source: "benchmark stations");
        var tmu = new double[targets];
        for (var j = 0; j < targets; j++) tmu[j] = Median(tx[j], ty[j]);
        var tg = new ConditioningTargets(tSites, Imt.Pga, tmu, Enumerable.Repeat(0.4, targets).ToArray(), Enumerable.Repeat(0.6, targets).ToArray());
        return (st, tg);
    }

    private static CorrelationSites Sites(LocalProjection proj, double[] lon, double[] lat)
    {
        var n = lon.Length;
        var x = new double[n];
        var y = new double[n];
        proj.Project(lon, lat, x, y);
        return new CorrelationSites(lon, lat, x, y, Enumerable.Repeat(760.0, n).ToArray(), Array.Empty<double>(), Array.Empty<double>());
    }
}
