using QuakeGrid.Core.Inference.Diagnostics;
using QuakeGrid.Core.Random;

namespace QuakeGrid.Core.Tests.Inference;

public class ConvergenceDiagnosticsTests
{
    private static double[][] Ar1(double rho, int chains, int n, ulong seed, double[]? shift = null)
    {
        var x = new double[chains][];
        for (var c = 0; c < chains; c++)
        {
            var rng = Xoshiro256StarStar.ForStream(seed, c, "ar1");
            x[c] = new double[n];
            var v = rng.NextStandardNormal();
            for (var i = 0; i < n; i++)
            {
                v = rho * v + Math.Sqrt(1 - rho * rho) * rng.NextStandardNormal();
                x[c][i] = v + (shift?[c] ?? 0);
            }
        }
        return x;
    }

    [Fact]
    public void IndependentDrawsHaveRhatOneAndFullEss()
    {
        var x = Ar1(0, 4, 1000, 11);
        Assert.InRange(ConvergenceDiagnostics.Rhat(x), 0.995, 1.01);
        Assert.InRange(ConvergenceDiagnostics.EssBulk(x), 3400, 4600);
        Assert.InRange(ConvergenceDiagnostics.EssTail(x), 3000, 5000);
    }

    /// <summary>For AR(1) with coefficient ρ the ESS is N(1 − ρ)/(1 + ρ): 4000·0.1/1.9 ≈ 211 at ρ = 0.9.</summary>
    [Fact]
    public void Ar1EssMatchesTheory()
    {
        var x = Ar1(0.9, 4, 1000, 12);
        var theory = 4000 * 0.1 / 1.9;
        var ess = ConvergenceDiagnostics.EssBulk(x);
        Assert.InRange(ess, 0.7 * theory, 1.3 * theory);
        Assert.InRange(ConvergenceDiagnostics.EssBasic(x), 0.7 * theory, 1.3 * theory);
    }

    [Fact]
    public void ShiftedChainsAreFlagged()
    {
        var x = Ar1(0, 4, 1000, 13, new[] { 0.0, 0.0, 0.0, 1.0 });
        Assert.True(ConvergenceDiagnostics.Rhat(x) > 1.05);
        // Different scales (same location) are caught by the folded R-hat.
        var y = Ar1(0, 4, 1000, 14);
        for (var i = 0; i < 1000; i++) y[3][i] *= 3;
        Assert.True(ConvergenceDiagnostics.Rhat(y) > 1.05);
    }

    [Fact]
    public void TrendWithinChainsIsCaughtBySplitting()
    {
        var x = Ar1(0, 4, 1000, 15);
        for (var c = 0; c < 4; c++) for (var i = 0; i < 1000; i++) x[c][i] += 2.0 * i / 1000;
        Assert.True(ConvergenceDiagnostics.Rhat(x) > 1.05);
    }

    [Fact]
    public void QuantileIsType7()
    {
        var v = new[] { 4.0, 1, 3, 2, 5 };
        Assert.Equal(1.2, ConvergenceDiagnostics.Quantile(v, 0.05), 12);
        Assert.Equal(3.0, ConvergenceDiagnostics.Quantile(v, 0.5), 12);
        Assert.Equal(4.8, ConvergenceDiagnostics.Quantile(v, 0.95), 12);
    }
}
