using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Gp.Benchmarks;
using QuakeGrid.Core.Gp.Vecchia;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Random;
using Xunit.Abstractions;

namespace QuakeGrid.Core.Tests.Gp;

/// <summary>Vecchia against the exact GP (dense oracle) for JB2009; tables are written to the test output.</summary>
public class VecchiaAccuracyTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("PGA")]
    [InlineData("SA(1.0)")]
    public void JB2009_2000_sites_KL_decreases_with_m_and_m30_is_accurate(string imtText)
    {
        // KL for m = 5..50 (cheap); the O(N³) implied-covariance check at m = 30 only. Full tables: GmfBenchmarks "accuracy".
        var imt = Imt.Parse(imtText);
        var sites = VecchiaTestSites.Random(2000, 2026);
        var rows = VecchiaAccuracyStudy.Run(sites, new JayaramBaker2009Correlation(imt, false), [5, 10, 20, 30, 50], worstErrorFor: m => m == 30);
        output.WriteLine(VecchiaAccuracyStudy.ToMarkdown($"JB2009 {imt}, N = 2000 random sites", rows));
        for (var k = 0; k < rows.Count; k++)
        {
            Assert.True(rows[k].Report.KlDivergence >= -1e-9, "KL must be non-negative");
            if (k > 0) Assert.True(rows[k].Report.KlDivergence < rows[k - 1].Report.KlDivergence, $"KL did not decrease at m = {rows[k].M}");
        }
        var m30 = rows.Single(r => r.M == 30).Report;
        Assert.True(m30.WorstCovarianceError <= 0.02, $"worst covariance error at m = 30 is {m30.WorstCovarianceError}");
        Assert.True(rows.Single(r => r.M == 50).Report.KlDivergence < 0.01);
    }

    [Fact]
    public void Empirical_correlation_of_10000_sparse_fields_matches_the_model_at_1_5_10_25_km()
    {
        // 600 random sites plus, for 8 anchors, companions at exactly 1, 5, 10 and 25 km (random directions); JB2009 SA(1.0), planar.
        var g = new Xoshiro256StarStar(77);
        var lags = new[] { 1.0, 5.0, 10.0, 25.0 };
        const int background = 600, anchors = 8;
        var x = new List<double>();
        var y = new List<double>();
        for (var i = 0; i < background; i++) { x.Add(80 * g.NextDouble()); y.Add(80 * g.NextDouble()); }
        var pairs = new List<(int A, int B, double Lag)>();
        for (var a = 0; a < anchors; a++)
        {
            var ax = 25 + 30 * g.NextDouble();
            var ay = 25 + 30 * g.NextDouble();
            x.Add(ax); y.Add(ay);
            var ia = x.Count - 1;
            foreach (var h in lags)
            {
                var th = 2 * Math.PI * g.NextDouble();
                x.Add(ax + h * Math.Cos(th)); y.Add(ay + h * Math.Sin(th));
                pairs.Add((ia, x.Count - 1, h));
            }
        }
        var n = x.Count;
        var sites = new CorrelationSites(new double[n], new double[n], x.ToArray(), y.ToArray(), Enumerable.Repeat(760.0, n).ToArray(), [], []);
        var kernel = new JayaramBaker2009Correlation(Imt.Sa(1.0), false, DistanceMetric.Planar);
        var st = VecchiaStructure.Build(sites.X, sites.Y, new VecchiaOptions(Neighbours: 30));
        var f = VecchiaFactor.Compute(st, sites, kernel);
        const int e = 10_000;
        var seeds = Enumerable.Range(0, e).Select(k => SeedDerivation.Derive(2026, k, "vecchia-lag-test")).ToArray();
        var fields = new double[n * e];
        VecchiaSampler.Sample(f, seeds, fields);
        output.WriteLine("| lag km | model rho | empirical (mean of 8 pairs) | difference |");
        output.WriteLine("|---|---|---|---|");
        foreach (var h in lags)
        {
            var emp = pairs.Where(p => p.Lag == h).Select(p => Correlation(fields, e, p.A, p.B)).Average();
            var model = kernel.RhoOfDistance(h);
            output.WriteLine($"| {h} | {model:F4} | {emp:F4} | {emp - model:+0.0000;-0.0000} |");
            Assert.True(Math.Abs(emp - model) <= 0.02, $"lag {h} km: empirical {emp:F4} vs model {model:F4}");
        }
        // Unit variance: the mean sample variance over all sites.
        double v = 0;
        for (var i = 0; i < n; i++) { double s = 0; for (var q = 0; q < e; q++) s += fields[i * e + q] * fields[i * e + q]; v += s / e; }
        Assert.InRange(v / n, 0.98, 1.02);
    }

    private static double Correlation(double[] f, int e, int a, int b)
    {
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        for (var q = 0; q < e; q++)
        {
            var u = f[a * e + q];
            var w = f[b * e + q];
            sa += u; sb += w; saa += u * u; sbb += w * w; sab += u * w;
        }
        var cov = sab / e - sa / e * (sb / e);
        return cov / Math.Sqrt((saa / e - sa / e * (sa / e)) * (sbb / e - sb / e * (sb / e)));
    }

    [Fact]
    public void Fields_are_identical_for_any_parallel_degree_block_width_and_batch()
    {
        var sites = VecchiaTestSites.Random(1500, 9);
        var kernel = new JayaramBaker2009Correlation(Imt.Pga, false);
        var st1 = VecchiaStructure.Build(sites.X, sites.Y, new VecchiaOptions(Neighbours: 20), maxParallelism: 1);
        var st2 = VecchiaStructure.Build(sites.X, sites.Y, new VecchiaOptions(Neighbours: 20));
        Assert.Equal(st1.Order, st2.Order);
        Assert.Equal(st1.Neighbours, st2.Neighbours);
        var f1 = VecchiaFactor.Compute(st1, sites, kernel, maxParallelism: 1);
        var f2 = VecchiaFactor.Compute(st2, sites, kernel);
        Assert.Equal(f1.Weights, f2.Weights);
        const int e = 37;
        var seeds = Enumerable.Range(0, e).Select(k => SeedDerivation.Derive(1, k, "det")).ToArray();
        var a = new double[sites.Count * e];
        var b = new double[sites.Count * e];
        VecchiaSampler.Sample(f1, seeds, a, maxParallelism: 1, blockWidth: 8);
        VecchiaSampler.Sample(f2, seeds, b, maxParallelism: 4, blockWidth: 64);
        Assert.Equal(a, b);
        var single = new double[sites.Count];
        VecchiaSampler.Sample(f2, seeds.AsSpan(20, 1), single);
        for (var i = 0; i < sites.Count; i++) Assert.Equal(a[i * e + 20], single[i]);
    }
}
