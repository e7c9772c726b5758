using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Gp.Dense;
using QuakeGrid.Core.Gp.Vecchia;
using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Tests.Gp;

public class VecchiaStructureTests
{
    [Fact]
    public void MaxMin_order_and_neighbours_match_brute_force()
    {
        var s = VecchiaTestSites.Random(700, 11);
        var st = VecchiaStructure.Build(s.X, s.Y, new VecchiaOptions(Neighbours: 12));
        var n = s.Count;
        // Brute force: each selected point is the farthest (max of min distance to earlier points).
        var order = st.Order;
        Assert.Equal(n, order.Distinct().Count());
        var minD = new double[n];
        Array.Fill(minD, double.PositiveInfinity);
        void Add(int p) { for (var q = 0; q < n; q++) minD[q] = Math.Min(minD[q], D(s, p, q)); }
        Add(order[0]);
        var selected = new bool[n];
        selected[order[0]] = true;
        for (var pos = 1; pos < n; pos++)
        {
            var best = -1.0;
            for (var q = 0; q < n; q++) if (!selected[q]) best = Math.Max(best, minD[q]);
            Assert.Equal(best, minD[order[pos]], 10);
            Assert.Equal(best, st.Length[pos], 10);
            selected[order[pos]] = true;
            Add(order[pos]);
        }
        // Neighbours: the nearest earlier positions.
        for (var i = 1; i < n; i += 7)
        {
            var expect = Enumerable.Range(0, i).OrderBy(j => D(s, order[i], order[j])).Take(st.NeighbourCount(i)).Select(j => D(s, order[i], order[j])).ToArray();
            var got = Enumerable.Range(0, st.NeighbourCount(i)).Select(k => D(s, order[i], order[st.Neighbours[i * st.Stride + k]])).ToArray();
            Assert.Equal(expect.Length, got.Length);
            for (var k = 0; k < got.Length; k++) Assert.Equal(expect[k], got[k], 10);
            Assert.All(Enumerable.Range(0, st.NeighbourCount(i)), k => Assert.True(st.Neighbours[i * st.Stride + k] < i));
        }
    }

    private static double D(CorrelationSites s, int a, int b) => Math.Sqrt((s.X[a] - s.X[b]) * (s.X[a] - s.X[b]) + (s.Y[a] - s.Y[b]) * (s.Y[a] - s.Y[b]));

    [Fact]
    public void Level_Morton_order_is_a_stable_sort_of_the_max_min_order_by_level_then_Morton_code()
    {
        var g = new QuakeGrid.Core.Random.Xoshiro256StarStar(17);
        var n = 5000;
        var x = new double[n];
        var y = new double[n];
        for (var k = 0; k < n; k++) { x[k] = 40 * g.NextDouble(); y[k] = 25 * g.NextDouble(); }
        x[7] = x[3]; y[7] = y[3]; // a duplicate: equal keys keep max-min order
        var mm = VecchiaStructure.Build(x, y, new VecchiaOptions(10));
        var lm = VecchiaStructure.Build(x, y, new VecchiaOptions(10, VecchiaOrdering.LevelMorton));
        double span = Math.Max(x.Max() - x.Min(), y.Max() - y.Min()), x0 = x.Min(), y0 = y.Min();
        ulong Morton(int s) => VecchiaStructure.Interleave((uint)Math.Min(2097151, (x[s] - x0) / span * 2097151))
                               | (VecchiaStructure.Interleave((uint)Math.Min(2097151, (y[s] - y0) / span * 2097151)) << 1);
        var expect = Enumerable.Range(0, n)
            .OrderBy(p => p == 0 ? -1 : (int)Math.Floor(Math.Log2(mm.Length[1] / mm.Length[p])))
            .ThenBy(p => Morton(mm.Order[p]))
            .Select(p => mm.Order[p]).ToArray(); // LINQ OrderBy is stable: ties keep max-min position
        Assert.Equal(expect, lm.Order);
        Assert.Equal(expect.Select(s => mm.Length[mm.Rank[s]]).ToArray(), lm.Length);
    }

    [Fact]
    public void Full_conditioning_is_exact_loglikelihood_and_zero_KL()
    {
        // With m ≥ n − 1 the Vecchia factor is the exact Cholesky of the precision: KL = 0 and the log-density is exact.
        const int n = 60;
        var s = VecchiaTestSites.Random(n, 5, 0.2);
        var kernel = new JayaramBaker2009Correlation(Imt.Sa(1.0), false);
        var st = VecchiaStructure.Build(s.X, s.Y, new VecchiaOptions(Neighbours: n));
        var f = VecchiaFactor.Compute(st, s, kernel);
        var r = VecchiaAccuracy.ExactInSweepOrder(st, s, kernel);
        var dEx = VecchiaAccuracy.ExactConditionalVariances(r, n);
        Assert.True(Math.Abs(VecchiaAccuracy.KlDivergence(f, dEx)) < 1e-9);

        var field = new double[n];
        new QuakeGrid.Core.Random.Xoshiro256StarStar(3).FillStandardNormal(field);
        // Dense log-density: −½ (n ln 2π + ln det R + yᵀ R⁻¹ y), in the original site order.
        var rs = DenseCorrelationMatrix.Build(s, kernel);
        DenseCholesky.FactorInPlace(rs, n);
        var alpha = (double[])field.Clone();
        TriangularSolve.Lower(rs, n, alpha, 1);
        var quad = alpha.Sum(a => a * a);
        var dense = -0.5 * (n * Math.Log(2 * Math.PI) + DenseCholesky.LogDeterminant(rs, n) + quad);
        Assert.Equal(dense, f.LogLikelihood(field), 8);
    }

    [Fact]
    public void Duplicate_sites_get_zero_weight_redundancy_not_failure()
    {
        var s = new CorrelationSites(new double[4], new double[4], [0, 0, 1, 1], [0, 0, 0, 0], [760, 760, 760, 760], [], []);
        var kernel = new ExponentialCorrelation(5);
        var st = VecchiaStructure.Build(s.X, s.Y, new VecchiaOptions(Neighbours: 3));
        var f = VecchiaFactor.Compute(st, s, kernel);
        Assert.All(f.ConditionalVariance, d => Assert.True(d >= 0 && d <= 1));
        Assert.Contains(f.ConditionalVariance, d => d < 1e-9);
        var fields = new double[4 * 2];
        VecchiaSampler.Sample(f, [1UL, 2UL], fields);
        Assert.Equal(fields[0], fields[2], 6);
        Assert.Equal(fields[4], fields[6], 6);
    }
}
