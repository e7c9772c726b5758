using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using QuakeGrid.Core.Random;

namespace QuakeGrid.Core.Gp.Vecchia;

/// <summary>
/// Batched forward sweep y_i = Σ_k b_ik·y_c(k) + sqrt(d_i)·z_i over a <see cref="VecchiaFactor"/>, many fields per sweep.
/// Layout: a block of W fields is the inner (contiguous) dimension of a position-major buffer, so each site's update is
/// W-wide SIMD axpys over its m neighbours' rows; blocks of fields run in parallel, each with its own buffer.
/// z_i for field e comes from the stream seeded by <c>eventSeeds[e]</c>, drawn in sweep order, so a field depends only on
/// its seed and the factor — not on the batch, the block width or the degree of parallelism.
/// Output is site-major in the original site order: <c>fields[site·E + e]</c>.
/// </summary>
public static class VecchiaSampler
{
    /// <summary>Samples E = <paramref name="eventSeeds"/>.Length unit-variance fields into <paramref name="fields"/> (length N·E).</summary>
    public static void Sample(VecchiaFactor factor, ReadOnlySpan<ulong> eventSeeds, double[] fields, int maxParallelism = -1, int blockWidth = 0)
    {
        var n = factor.Sites;
        var e = eventSeeds.Length;
        if (fields.LongLength < (long)n * e) throw new ArgumentException("field buffer shorter than sites × events", nameof(fields));
        if (e == 0 || n == 0) return;
        var w = blockWidth > 0 ? blockWidth : ChooseWidth(n, e);
        w = (w + 3) / 4 * 4;
        var blocks = (e + w - 1) / w;
        var seeds = eventSeeds.ToArray();
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, () => (double[]?)null, (bi, _, buffer) =>
        {
            var e0 = bi * w;
            var we = Math.Min(w, e - e0);
            buffer ??= GC.AllocateUninitializedArray<double>(n * w);
            var gens = new Xoshiro256StarStar[we];
            for (var q = 0; q < we; q++) gens[q] = new Xoshiro256StarStar(seeds[e0 + q]);
            Sweep(factor, gens, buffer, w);
            var order = factor.Structure.Order;
            for (var i = 0; i < n; i++)
                Array.Copy(buffer, (long)i * w, fields, (long)order[i] * e + e0, we);
            return buffer;
        }, _ => { });
    }

    private static int ChooseWidth(int n, int e)
    {
        // Up to 64 fields per sweep, with the block buffer kept near 128 MB; at least 8.
        var byMemory = (int)Math.Max(8, 16_000_000L / Math.Max(1, n));
        var w = Math.Min(64, Math.Min(byMemory, e));
        return Math.Max(4, w);
    }

    internal static bool Prefetch = Environment.GetEnvironmentVariable("QG_PREFETCH") == "1";
    internal static int PrefetchAhead = int.TryParse(Environment.GetEnvironmentVariable("QG_PREFETCH_AHEAD"), out var pa) ? pa : 2;

    private static unsafe void Sweep(VecchiaFactor f, Xoshiro256StarStar[] gens, double[] y, int w)
    {
        var n = f.Sites;
        var m = f.M;
        var we = gens.Length;
        fixed (double* py = y, pb = f.Weights, psd = f.SqrtConditionalVariance)
        fixed (int* pn = f.NeighbourPositions)
        {
            for (var i = 0; i < n; i++)
            {
                var row = py + (long)i * w;
                var sd = psd[i];
                for (var q = 0; q < we; q++) row[q] = sd * gens[q].NextStandardNormal();
                for (var q = we; q < w; q++) row[q] = 0;
                var k = Math.Min(i, m);
                var bi = pb + (long)i * m;
                var ni = pn + (long)i * m;
                if (Prefetch && Sse.IsSupported && i + PrefetchAhead < n)
                {
                    // The neighbour rows of a site a few positions ahead: coarser-level rows are far away in memory.
                    var na = pn + (long)(i + PrefetchAhead) * m;
                    var ka = Math.Min(i + PrefetchAhead, m);
                    for (var t2 = 0; t2 < ka; t2++)
                    {
                        var r = (byte*)(py + (long)na[t2] * w);
                        for (var off = 0; off < w * 8; off += 64) Sse.Prefetch0(r + off);
                    }
                }
                var t = 0;
                // Two neighbours at a time: fewer passes over the row.
                for (; t + 1 < k; t += 2)
                {
                    var r0 = py + (long)ni[t] * w;
                    var r1 = py + (long)ni[t + 1] * w;
                    var b0 = Vector256.Create(bi[t]);
                    var b1 = Vector256.Create(bi[t + 1]);
                    for (var q = 0; q < w; q += 4)
                    {
                        var acc = Vector256.Load(row + q) + b0 * Vector256.Load(r0 + q) + b1 * Vector256.Load(r1 + q);
                        acc.Store(row + q);
                    }
                }
                if (t < k)
                {
                    var r0 = py + (long)ni[t] * w;
                    var b0 = Vector256.Create(bi[t]);
                    for (var q = 0; q < w; q += 4) (Vector256.Load(row + q) + b0 * Vector256.Load(r0 + q)).Store(row + q);
                }
            }
        }
    }
}
