using System.Diagnostics;
using QuakeGrid.Core.Gp.Dense;
using QuakeGrid.Core.Random;

namespace QuakeGrid.Core.Gp.Benchmarks;

/// <summary>Result of one dense Cholesky timing: n, seconds and GFLOP/s (n³/3 flops) for the blocked SIMD factor and MathNet's managed one.</summary>
public sealed record CholeskyTiming(int N, double BlockedSeconds, double BlockedGflops, double MathNetSeconds, double MathNetGflops, double MaxAbsDifference);

/// <summary>Times <see cref="DenseCholesky"/> against MathNet.Numerics' managed Cholesky on the same exponential-kernel matrix.</summary>
public static class CholeskyBenchmark
{
    public static CholeskyTiming Run(int n, bool includeMathNet = true)
    {
        var g = new Xoshiro256StarStar(12345);
        var x = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++) { x[i] = 200 * g.NextDouble(); y[i] = 200 * g.NextDouble(); }
        var a = new double[(long)n * n];
        Parallel.For(0, n, i =>
        {
            for (var j = 0; j < n; j++)
            {
                var d = Math.Sqrt((x[i] - x[j]) * (x[i] - x[j]) + (y[i] - y[j]) * (y[i] - y[j]));
                a[i * n + j] = Math.Exp(-d / 10) + (i == j ? 1e-6 : 0);
            }
        });
        var flops = (double)n * n * n / 3;
        var warm = new double[256 * 256];
        for (var i = 0; i < 256; i++) warm[i * 256 + i] = 2.0;
        DenseCholesky.FactorInPlace(warm, 256); // JIT warm-up
        var l = (double[])a.Clone();
        var sw = Stopwatch.StartNew();
        DenseCholesky.FactorInPlace(l, n);
        var tb = sw.Elapsed.TotalSeconds;
        double tm = double.NaN, diff = double.NaN;
        if (includeMathNet)
        {
            var m = MathNet.Numerics.LinearAlgebra.Double.DenseMatrix.Create(n, n, (i, j) => a[i * n + j]);
            sw.Restart();
            var f = m.Cholesky().Factor;
            tm = sw.Elapsed.TotalSeconds;
            diff = 0;
            for (var i = 0; i < n; i += 7)
                for (var j = 0; j <= i; j++) diff = Math.Max(diff, Math.Abs(f[i, j] - l[i * n + j]));
        }
        return new CholeskyTiming(n, tb, flops / tb / 1e9, tm, flops / tm / 1e9, diff);
    }
}
