using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Gp.Dense;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Random;
using QuakeGrid.Core.Sites;
using QuakeGrid.Core.Tests.Correlation;

namespace QuakeGrid.Core.Tests.Gp;

public class DenseGpTests
{
    [Fact]
    public void Cholesky_of_JB2009_PGA_matrix_matches_OpenQuake_factor()
    {
        var rows = TestCsv.Read("data/correlation/jayaram_baker_2009_lower_triangle_cholesky.csv");
        var sites = CorrelationSiteBuilder.FromSites(new SiteCollection([2, 2, 2], [-40, -40.1, -39.9], [760, 760, 760]));
        var r = DenseCorrelationMatrix.Build(sites, new JayaramBaker2009Correlation(Imt.Pga, false));
        DenseCholesky.FactorInPlace(r, 3);
        foreach (var row in rows)
        {
            var i = int.Parse(row["row"]);
            var j = int.Parse(row["col"]);
            Assert.True(Math.Abs(r[i * 3 + j] - row.D("expected_L")) < 1.5e-6, $"L[{i},{j}] = {r[i * 3 + j]} vs {row["expected_L"]}");
        }
    }

    private static double[] RandomSpd(int n, ulong seed)
    {
        // Exponential kernel on random points plus a small nugget: SPD, realistic conditioning.
        var g = new Xoshiro256StarStar(seed);
        var x = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++) { x[i] = 100 * g.NextDouble(); y[i] = 100 * g.NextDouble(); }
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                a[i * n + j] = Math.Exp(-Math.Sqrt((x[i] - x[j]) * (x[i] - x[j]) + (y[i] - y[j]) * (y[i] - y[j])) / 20) + (i == j ? 0.01 : 0);
        return a;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(193)]
    [InlineData(517)]
    public void Blocked_Cholesky_matches_MathNet_and_reconstructs_the_matrix(int n)
    {
        var a = RandomSpd(n, (ulong)n);
        var l = (double[])a.Clone();
        DenseCholesky.FactorInPlace(l, n);
        var reference = MathNet.Numerics.LinearAlgebra.Double.DenseMatrix.Create(n, n, (i, j) => a[i * n + j]).Cholesky().Factor;
        var worst = 0.0;
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                worst = Math.Max(worst, Math.Abs(l[i * n + j] - reference[i, j]));
        Assert.True(worst < 1e-10, $"max |L − L_MathNet| = {worst}");
        for (var i = 0; i < n; i += Math.Max(1, n / 37))
            for (var j = 0; j <= i; j++)
            {
                double s = 0;
                for (var p = 0; p <= j; p++) s += l[i * n + p] * l[j * n + p];
                Assert.True(Math.Abs(s - a[i * n + j]) < 1e-11, $"(L Lᵀ)[{i},{j}] = {s} vs {a[i * n + j]}");
            }
    }

    [Fact]
    public void Cholesky_rejects_indefinite_matrix()
    {
        var a = new double[] { 1, 2, 2, 1 };
        Assert.Throws<InvalidOperationException>(() => DenseCholesky.FactorInPlace(a, 2));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void Triangular_solves_invert_the_factor(int r)
    {
        const int n = 211;
        var a = RandomSpd(n, 3);
        DenseCholesky.FactorInPlace(a, n);
        var g = new Xoshiro256StarStar(5);
        var x = new double[n * r];
        g.FillStandardNormal(x);
        // b = L x, then solve; b2 = Lᵀ x, then solve.
        var b = new double[n * r];
        var b2 = new double[n * r];
        for (var i = 0; i < n; i++)
            for (var q = 0; q < r; q++)
            {
                double s = 0, s2 = 0;
                for (var j = 0; j <= i; j++) s += a[i * n + j] * x[j * r + q];
                for (var j = i; j < n; j++) s2 += a[j * n + i] * x[j * r + q];
                b[i * r + q] = s;
                b2[i * r + q] = s2;
            }
        TriangularSolve.Lower(a, n, b, r);
        TriangularSolve.LowerTransposed(a, n, b2, r);
        for (var k = 0; k < n * r; k++)
        {
            Assert.Equal(x[k], b[k], 9);
            Assert.Equal(x[k], b2[k], 9);
        }
    }

    [Fact]
    public void Dense_sampler_covariance_matches_the_model_and_is_deterministic()
    {
        // 24 sites on a line 0..46 km, JB2009 PGA planar; E = 20,000 fields.
        const int n = 24, e = 20_000;
        var x = Enumerable.Range(0, n).Select(i => 2.0 * i).ToArray();
        var sites = new CorrelationSites(new double[n], new double[n], x, new double[n], Enumerable.Repeat(760.0, n).ToArray(), [], []);
        var kernel = new JayaramBaker2009Correlation(Imt.Pga, false, DistanceMetric.Planar);
        var r = DenseCorrelationMatrix.Build(sites, kernel);
        var l = (double[])r.Clone();
        DenseCholesky.FactorInPlace(l, n);
        var seeds = Enumerable.Range(0, e).Select(k => SeedDerivation.Derive(7, k, "dense-test")).ToArray();
        var sampler = new DenseMvnSampler(l, n);
        var y = sampler.Sample(seeds);
        for (var i = 0; i < n; i++)
            for (var j = 0; j <= i; j++)
            {
                double s = 0;
                for (var q = 0; q < e; q++) s += y[i * e + q] * y[j * e + q];
                s /= e;
                var rho = r[i * n + j];
                // Var of the sample covariance of a standard bivariate normal with correlation rho is (1 + rho²)/E.
                var se = Math.Sqrt((1 + rho * rho) / e);
                Assert.True(Math.Abs(s - rho) < 5 * se, $"cov[{i},{j}] = {s:F4}, model {rho:F4}, 5 SE = {5 * se:F4}");
            }
        var y1 = sampler.Sample(seeds, maxParallelism: 1);
        Assert.Equal(y, y1);
        var single = sampler.Sample(seeds.AsSpan(1234, 1));
        for (var i = 0; i < n; i++) Assert.Equal(y[i * e + 1234], single[i], 12);
    }
}
