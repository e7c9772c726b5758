using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
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
        var cores = maxParallelism > 0 ? Math.Min(maxParallelism, Environment.ProcessorCount) : Environment.ProcessorCount;
        var (starts, widths) = blockWidth > 0 ? FixedBlocks(e, (blockWidth + 3) / 4 * 4) : ChooseBlocks(n, e, cores);
        var maxWidth = widths.Max();
        var seeds = eventSeeds.ToArray();
        Parallel.For(0, starts.Length, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, () => (double[]?)null, (bi, _, buffer) =>
        {
            var e0 = starts[bi];
            var w = widths[bi];
            var we = Math.Min(w, e - e0);
            buffer ??= LargeArray.Uninitialized<double>((long)n * maxWidth);
            var gens = new Xoshiro256StarStar[we];
            for (var q = 0; q < we; q++) gens[q] = new Xoshiro256StarStar(seeds[e0 + q]);
            Sweep(factor, gens, buffer, w);
            Scatter(buffer, w, we, factor.Structure.Order, fields, e, e0);
            return buffer;
        }, _ => { });
    }

    /// <summary>Copies a block's position-major rows to the site-major output (fields of events e0..e0+we).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Scatter(double[] buffer, int w, int we, int[] order, double[] fields, int e, int e0)
    {
        for (var i = 0; i < order.Length; i++)
            Array.Copy(buffer, (long)i * w, fields, (long)order[i] * e + e0, we);
    }

    private static (int[] Starts, int[] Widths) FixedBlocks(int e, int w)
    {
        var blocks = (e + w - 1) / w;
        return (Enumerable.Range(0, blocks).Select(b => b * w).ToArray(), Enumerable.Repeat(w, blocks).ToArray());
    }

    /// <summary>
    /// Blocks of fields: widths are multiples of 4 (the Vector256 lanes), at most 64 and at most 32 M doubles (256 MB) per
    /// block buffer; the events are split into a multiple of the core count of blocks whose widths differ by at most 4 and
    /// add up to E rounded up to 4, so the cores finish together and no block is mostly padding
    /// (E = 100 at N = 10⁶ on 2 cores: widths 28, 24, 24, 24).
    /// </summary>
    internal static (int[] Starts, int[] Widths) ChooseBlocks(int n, int e, int cores)
    {
        var cap = (int)Math.Clamp(32_000_000L / Math.Max(1, n), 8, 64) / 4 * 4;
        cores = Math.Max(1, cores);
        var quads = (e + 3) / 4;
        var blocks = cores * (int)Math.Ceiling(quads / (double)(cores * (cap / 4)));
        blocks = Math.Min(blocks, quads);
        var starts = new int[blocks];
        var widths = new int[blocks];
        var at = 0;
        for (var b = 0; b < blocks; b++)
        {
            var q = quads / blocks + (b < quads % blocks ? 1 : 0);
            starts[b] = at;
            widths[b] = 4 * q;
            at += 4 * q;
        }
        return (starts, widths);
    }

    // Fully optimised from the first call: a sample runs only a handful of sweeps, too few for tiered compilation to
    // replace the first (on-stack-replacement) code, which ran several times slower.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
