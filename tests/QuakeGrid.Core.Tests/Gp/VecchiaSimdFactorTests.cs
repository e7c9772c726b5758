using MathNet.Numerics.LinearAlgebra;
using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Gp.Vecchia;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Random;
using QuakeGrid.Core.Sites;
using Xunit;

namespace QuakeGrid.Core.Tests.Gp;

/// <summary>
/// The SIMD Vecchia factor path: batched kernel evaluation against the scalar kernel, the augmented small solver against
/// a dense MathNet solve, and whole factors against the scalar reference implementation.
/// </summary>
public class VecchiaSimdFactorTests
{
    private static double[] Distances(int n, ulong seed, double max)
    {
        var g = new Xoshiro256StarStar(seed);
        var h = new double[n];
        for (var k = 0; k < n; k++) h[k] = max * g.NextDouble() * g.NextDouble();
        h[0] = 0;
        return h;
    }

    public static TheoryData<string> Kernels => new() { "JB2009", "JB2009:vs30-clustering", "HM2018", "Exponential" };

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Batched_rho_matches_the_scalar_kernel(string name)
    {
        IsotropicCorrelation kernel = name == "Exponential"
            ? new ExponentialCorrelation(7.5)
            : (IsotropicCorrelation)CorrelationFactory.Parse(name, Imt.Sa(0.3));
        var h = Distances(1027, 11, 200);
        var rho = new double[h.Length];
        kernel.RhoOfDistances(h, rho);
        for (var k = 0; k < h.Length; k++)
        {
            var expect = kernel.RhoOfDistance(h[k]);
            Assert.True(Math.Abs(rho[k] - expect) <= 1e-14 * expect, $"{name} h={h[k]}: {rho[k]} vs {expect}");
        }
        // In place (rho span = h span), odd lengths exercise the scalar tail.
        var inPlace = h[..7];
        kernel.RhoOfDistances(inPlace, inPlace);
        for (var k = 0; k < 7; k++) Assert.True(Math.Abs(inPlace[k] - kernel.RhoOfDistance(h[k])) <= 1e-14 * kernel.RhoOfDistance(h[k]));
        Assert.Throws<ArgumentException>(() => kernel.RhoOfDistances(h, new double[3]));
    }

    [Fact]
    public void Gathered_arcs_match_the_haversine_row_including_far_pairs()
    {
        // Sites from 1 m to about 2,500 km apart: the far ones take the Math.Asin fallback lanes.
        var g = new Xoshiro256StarStar(3);
        const int n = 203;
        var lon = new double[n];
        var lat = new double[n];
        for (var k = 0; k < n; k++)
        {
            var spread = k < 150 ? 0.5 : 25.0;
            lon[k] = -120 + spread * (g.NextDouble() - 0.5);
            lat[k] = 37 + spread * (g.NextDouble() - 0.5);
        }
        lon[1] = lon[0] + 1e-5;
        lat[1] = lat[0];
        var sites = CorrelationSiteBuilder.FromSites(new SiteCollection(lon, lat, Enumerable.Repeat(760.0, n).ToArray()));
        var (ux, uy, uz) = sites.UnitVectors;
        var js = Enumerable.Range(1, n - 1).ToArray();
        var expect = new double[n - 1];
        SiteDistance.Row(DistanceMetric.Geodesic, sites, 0, sites, js, expect);
        var got = new double[n - 1];
        SiteDistance.ArcsFrom(ux[0], uy[0], uz[0], ux.AsSpan(1), uy.AsSpan(1), uz.AsSpan(1), got);
        for (var k = 0; k < n - 1; k++)
        {
            // Independent check of the metric itself: the haversine formula.
            var hav = Geodesy.EarthRadiusKm * 2 * Math.Asin(Math.Sqrt(
                Math.Pow(Math.Sin((lat[k + 1] - lat[0]) * Math.PI / 360), 2)
                + Math.Cos(lat[0] * Math.PI / 180) * Math.Cos(lat[k + 1] * Math.PI / 180) * Math.Pow(Math.Sin((lon[k + 1] - lon[0]) * Math.PI / 360), 2)));
            Assert.True(Math.Abs(got[k] - expect[k]) <= 1e-14 * expect[k], $"pair {k}: {got[k]} vs {expect[k]}");
            Assert.True(Math.Abs(got[k] - hav) <= 1e-9 * hav + 1e-9, $"pair {k}: {got[k]} vs haversine {hav}");
        }
        Assert.True(expect.Max() > 1000);

        var planar = new double[n - 1];
        var planarExpect = new double[n - 1];
        SiteDistance.PlanarFrom(sites.X[0], sites.Y[0], sites.X.AsSpan(1), sites.Y.AsSpan(1), planar);
        SiteDistance.Row(DistanceMetric.Planar, sites, 0, sites, js, planarExpect);
        Assert.Equal(planarExpect, planar);
    }

    /// <summary>Augmented upper-triangle input for <see cref="ConditionalSolver"/> from points on a line (exponential kernel).</summary>
    private static (double[] U, Matrix<double> Kcc, Vector<double> Kc) Augmented(double[] pos, double length)
    {
        var k = pos.Length - 1;
        var ld = k + 1;
        var u = new double[ld * ld];
        var kcc = Matrix<double>.Build.Dense(k, k);
        var kc = Vector<double>.Build.Dense(k);
        for (var c = 0; c <= k; c++)
            for (var r = c; r <= k; r++)
            {
                var rho = Math.Exp(-Math.Abs(pos[c] - pos[r]) / length);
                u[c * ld + r] = rho;
                if (r < k) { kcc[c, r] = rho; kcc[r, c] = rho; }
                else if (c < k) kc[c] = rho;
            }
        return (u, kcc, kc);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(30)]
    [InlineData(64)]
    public void Small_solver_matches_a_dense_solve(int k)
    {
        var g = new Xoshiro256StarStar((ulong)(100 + k));
        var pos = Enumerable.Range(0, k + 1).Select(_ => 10 * g.NextDouble()).ToArray();
        var (u, kcc, kc) = Augmented(pos, 4.0);
        var w = new double[k];
        var explained = ConditionalSolver.Solve(u, k, k + 1, w);
        var wDense = kcc.Cholesky().Solve(kc);
        var cond = kcc.ConditionNumber();
        for (var q = 0; q < k; q++) Assert.True(Math.Abs(w[q] - wDense[q]) <= 1e-15 * cond * (1 + Math.Abs(wDense[q])), $"k={k} w[{q}] {w[q]} vs {wDense[q]} (cond {cond:E1})");
        Assert.Equal(kc.DotProduct(wDense), explained, 10);
    }

    [Fact]
    public void Small_solver_gives_zero_weight_to_a_duplicate_and_the_reduced_solution_to_the_rest()
    {
        // Neighbours at 0, 1, 2, 1 (duplicate of the second), site at 1.5.
        var (u, _, _) = Augmented([0, 1, 2, 1, 1.5], 3.0);
        var w = new double[4];
        var explained = ConditionalSolver.Solve(u, 4, 5, w);
        var (_, kccR, kcR) = Augmented([0, 1, 2, 1.5], 3.0);
        var wR = kccR.Cholesky().Solve(kcR);
        Assert.Equal(0.0, w[3]);
        for (var q = 0; q < 3; q++) Assert.Equal(wR[q], w[q], 10);
        Assert.Equal(kcR.DotProduct(wR), explained, 10);
    }

    /// <summary>n random sites in a 0.3° box near 37.5°N, Vs30 from 200 to 900 m/s, epicentre at the box's south-west corner.</summary>
    private static CorrelationSites EpicentralSites(int n, ulong seed)
    {
        var g = new Xoshiro256StarStar(seed);
        var lon = new double[n];
        var lat = new double[n];
        var vs30 = new double[n];
        for (var i = 0; i < n; i++)
        {
            lon[i] = -122.5 + 0.3 / Math.Cos(37.5 * Math.PI / 180) * g.NextDouble();
            lat[i] = 37.2 + 0.3 * g.NextDouble();
            vs30[i] = 200 + 700 * g.NextDouble();
        }
        return CorrelationSiteBuilder.FromSites(new SiteCollection(lon, lat, vs30), epicentre: new GeoPoint(-122.6, 37.1));
    }

    public static TheoryData<string, int> FactorCases => new()
    {
        { "JB2009", 30 }, { "HM2018", 30 }, { "Exponential:length=6,metric=planar", 20 }, { "E:distance=geodesic", 25 }, { "EAS", 40 },
    };

    [Theory]
    [MemberData(nameof(FactorCases))]
    public void Simd_factor_matches_the_scalar_reference(string spec, int m)
    {
        var sites = EpicentralSites(1500, 21);
        var kernel = CorrelationFactory.Parse(spec, Imt.Sa(1.0));
        var options = VecchiaKernelRule.DefaultFor(kernel, m, VecchiaOrdering.LevelMorton);
        var st = VecchiaKernelRule.Build(sites, kernel, options);
        var fNew = VecchiaFactor.Compute(st, sites, kernel);
        var fRef = VecchiaFactor.ComputeAll(st, sites, kernel, 0.0, -1, reference: true);
        Assert.Equal(fRef.NeighbourPositions, fNew.NeighbourPositions);
        var maxB = fRef.Weights.Zip(fNew.Weights, (a, b) => Math.Abs(a - b)).Max();
        var maxD = fRef.ConditionalVariance.Zip(fNew.ConditionalVariance, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(maxB < 1e-12, $"{spec}: max |Δb| {maxB:E2}");
        Assert.True(maxD < 1e-12, $"{spec}: max |Δd| {maxD:E2}");
    }

    [Theory]
    [InlineData(1_000_000, 100, 2, new[] { 28, 24, 24, 24 })]
    [InlineData(20_000, 1000, 2, new[] { 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 60, 60, 60, 60, 60, 60 })]
    [InlineData(1000, 1, 2, new[] { 4 })]
    [InlineData(1000, 9, 1, new[] { 12 })]
    public void Sampling_blocks_are_balanced_multiples_of_four(int n, int e, int cores, int[] expect)
    {
        var (starts, widths) = VecchiaSampler.ChooseBlocks(n, e, cores);
        Assert.Equal(expect, widths);
        for (var b = 1; b < starts.Length; b++) Assert.Equal(starts[b - 1] + widths[b - 1], starts[b]);
        Assert.Equal(0, starts[0]);
    }

    [Fact]
    public void Fields_do_not_depend_on_the_block_layout()
    {
        var sites = VecchiaTestSites.Random(3000, 8, 0.3);
        var kernel = new JayaramBaker2009Correlation(Imt.Pga, false);
        var st = VecchiaStructure.Build(sites.X, sites.Y, new VecchiaOptions(20, VecchiaOrdering.LevelMorton));
        var f = VecchiaFactor.Compute(st, sites, kernel);
        var seeds = Enumerable.Range(0, 37).Select(e => SeedDerivation.Derive(5, e, "test")).ToArray();
        var auto = new double[sites.Count * seeds.Length];
        var fixed8 = new double[auto.Length];
        var serial = new double[auto.Length];
        VecchiaSampler.Sample(f, seeds, auto);
        VecchiaSampler.Sample(f, seeds, fixed8, blockWidth: 8);
        VecchiaSampler.Sample(f, seeds, serial, maxParallelism: 1);
        Assert.Equal(fixed8, auto);
        Assert.Equal(serial, auto);
        Assert.Contains(auto, v => v != 0);
    }

    [Theory]
    [InlineData(10L)]
    [InlineData(3_000_000L)]
    public void Large_arrays_have_the_requested_length_and_hold_what_is_written(long length)
    {
        // 3·10⁶ doubles (24 MB) take the huge-page advice path on Linux.
        var a = LargeArray.Uninitialized<double>(length);
        Assert.Equal(length, a.LongLength);
        for (long k = 0; k < length; k += 4099) a[k] = k;
        for (long k = 0; k < length; k += 4099) Assert.Equal(k, a[k]);
    }
}
