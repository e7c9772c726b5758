using QuakeGrid.Core.Random;

namespace QuakeGrid.Core.Gp.Dense;

/// <summary>
/// Exact zero-mean Gaussian fields with correlation R = L·Lᵀ (the dense reference): Y = L·Z for many fields at once,
/// Z (n×E, fields as the inner dimension) holding standard normals. Column e of Z is drawn site by site from the
/// stream seeded by <c>eventSeeds[e]</c>, so a field depends only on its own seed, never on the batch or the thread count.
/// Y = L·Z runs as 192-wide slabs of L through <see cref="PackedGemm"/> (lower-triangular rows only).
/// </summary>
public sealed class DenseMvnSampler
{
    private readonly double[] _l;

    /// <summary>Uses the lower factor <paramref name="l"/> (row-major n×n, zero strict upper triangle, as <see cref="DenseCholesky.FactorInPlace"/> leaves it).</summary>
    public DenseMvnSampler(double[] l, int n)
    {
        if (l.Length < (long)n * n) throw new ArgumentException("factor storage shorter than n²", nameof(l));
        _l = l;
        N = n;
    }

    public int N { get; }

    /// <summary>Standard normals Z (n×E row-major) from one stream per field.</summary>
    public static double[] DrawNormals(int n, ReadOnlySpan<ulong> eventSeeds)
    {
        var e = eventSeeds.Length;
        var z = new double[(long)n * e];
        var gens = new Xoshiro256StarStar[e];
        for (var q = 0; q < e; q++) gens[q] = new Xoshiro256StarStar(eventSeeds[q]);
        for (var i = 0; i < n; i++)
        {
            var row = i * e;
            for (var q = 0; q < e; q++) z[row + q] = gens[q].NextStandardNormal();
        }
        return z;
    }

    /// <summary>Fields Y = L·Z, row-major n×E (site i, field e at i·E + e).</summary>
    public double[] Sample(ReadOnlySpan<ulong> eventSeeds, int maxParallelism = -1)
    {
        var z = DrawNormals(N, eventSeeds);
        return Multiply(z, eventSeeds.Length, maxParallelism);
    }

    /// <summary>Y = L·Z for given Z (n×E row-major).</summary>
    public double[] Multiply(double[] z, int e, int maxParallelism = -1)
    {
        var y = new double[(long)N * e];
        const int kb = DenseCholesky.BlockSize;
        for (var k0 = 0; k0 < N; k0 += kb)
        {
            var k = Math.Min(kb, N - k0);
            // Rows i ≥ k0 receive L[i, k0..k0+k) · Z[k0..k0+k, :]; rows above k0 have zeros there.
            PackedGemm.Update(y, k0 * e, e, _l, k0 * N + k0, N, z, k0 * e, e, transB: false,
                m: N - k0, n: e, k: k, sign: 1.0, lowerOnly: false, maxParallelism: maxParallelism);
        }
        return y;
    }
}
