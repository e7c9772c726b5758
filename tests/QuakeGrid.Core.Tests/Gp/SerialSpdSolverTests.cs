using MathNet.Numerics.LinearAlgebra;
using QuakeGrid.Core.Gp.Dense;

namespace QuakeGrid.Core.Tests.Gp;

/// <summary>The serial blocked Cholesky and inverse against MathNet (external oracle), across block boundaries.</summary>
public class SerialSpdSolverTests
{
    private static Matrix<double> RandomSpd(int n, int seed)
    {
        // Exponential correlation of random points on a line plus a nugget: well-conditioned but far from diagonal.
        var rng = new System.Random(seed);
        var x = Enumerable.Range(0, n).Select(_ => 50 * rng.NextDouble()).ToArray();
        return Matrix<double>.Build.Dense(n, n, (i, j) => Math.Exp(-Math.Abs(x[i] - x[j]) / 7.0) + (i == j ? 0.05 : 0));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(130)]
    [InlineData(257)]
    public void FactorAndInverseMatchMathNet(int n) => CheckAgainstMathNet(n, SerialSpdSolver.DefaultBlockSize);

    /// <summary>Block sizes that are not multiples of the 8-column panels, and blocks larger than the matrix.</summary>
    [Theory]
    [InlineData(100, 20)]
    [InlineData(131, 13)]
    [InlineData(77, 64)]
    [InlineData(40, 96)]
    public void OtherBlockSizesMatchMathNet(int n, int blockSize) => CheckAgainstMathNet(n, blockSize);

    private static void CheckAgainstMathNet(int n, int blockSize)
    {
        var k = RandomSpd(n, n);
        var solver = new SerialSpdSolver(300, blockSize);
        var a = new double[n * n];
        // Garbage in the strict upper triangle must be ignored.
        for (var i = 0; i < n; i++)
        for (var j = 0; j < n; j++) a[i * n + j] = j <= i ? k[i, j] : double.NaN;
        Assert.True(solver.TryFactor(a, n));
        var l = k.Cholesky().Factor;
        var inv = k.Inverse();
        var inverse = new double[n * n];
        solver.InverseFromFactor(a, n, inverse);
        double worstL = 0, worstInv = 0, scale = inv.Enumerate().Max(Math.Abs);
        for (var i = 0; i < n; i++)
        for (var j = 0; j <= i; j++)
        {
            worstL = Math.Max(worstL, Math.Abs(a[i * n + j] - l[i, j]));
            worstInv = Math.Max(worstInv, Math.Abs(inverse[i * n + j] - inv[i, j]) / scale);
        }
        Assert.True(worstL < 1e-12, $"factor differs by {worstL}");
        Assert.True(worstInv < 1e-11, $"inverse differs by {worstInv} (relative to max |K⁻¹|)");
        Assert.Equal(k.Cholesky().DeterminantLn, SerialSpdSolver.LogDeterminant(a, n), 9);
    }

    [Fact]
    public void NotPositiveDefiniteIsReported()
    {
        const int n = 70;
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        for (var j = 0; j <= i; j++) a[i * n + j] = 1.0; // rank one
        Assert.False(new SerialSpdSolver(n).TryFactor(a, n));
    }
}
