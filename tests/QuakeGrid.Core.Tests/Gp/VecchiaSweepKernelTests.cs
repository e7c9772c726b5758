using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Gp.Vecchia;
using QuakeGrid.Core.Random;

namespace QuakeGrid.Core.Tests.Gp;

/// <summary>
/// The batched innovations (<see cref="CounterNormal.DrawHashed(ReadOnlySpan{ulong}, ulong, Span{double})"/>) and the
/// register-blocked subset sweeps against plain scalar references written here: the scalar counter draw per lane, and a
/// whole-field forward sweep y_p = sqrt(d_p)·z_p + b_1·y_c(1) + … + b_k·y_c(k) evaluated left to right over the factor's
/// own arrays. Equality is bit for bit.
/// </summary>
public sealed class VecchiaSweepKernelTests
{
    /// <summary>
    /// 4.3 M (key, site) pairs: the batch equals the scalar draw in every lane, on the AVX-512 path (where the machine
    /// has it) and on the lane-by-lane path, for batch lengths that are and are not multiples of eight. The pairs cover
    /// the wedge and tail slow paths (≈ 2.8 % of draws, counted with the Ziggurat's own fast-path test).
    /// </summary>
    [Fact]
    public void BatchDrawsEqualScalarDrawsBitForBit()
    {
        const int keysPerSite = 100, sites = 65_536;
        var keys = new ulong[keysPerSite];
        for (var q = 0; q < keysPerSite; q++) keys[q] = SeedDerivation.Derive(20261123, q, "within");
        var vec = new double[keysPerSite];
        var lane = new double[keysPerSite];
        long slow = 0, tail = 0, draws = 0;
        var mismatches = 0;
        for (var s = 0; s < sites; s++)
        {
            var hash = CounterNormal.SiteHash(s * 7919L + 3);
            // 64 lanes, lengths with a remainder of one to seven lanes, and more than one 64-lane chunk
            var n = s % 5 == 0 ? 13 + s % 50 : s % 5 == 1 ? keysPerSite : 64;
            var k = keys.AsSpan(0, n);
            CounterNormal.DrawHashedCore(k, hash, vec, vector: CounterNormal.BatchAccelerated);
            CounterNormal.DrawHashedCore(k, hash, lane, vector: false);
            draws += n;
            for (var q = 0; q < n; q++)
            {
                var expected = BitConverter.DoubleToInt64Bits(CounterNormal.DrawHashed(keys[q], hash));
                if (BitConverter.DoubleToInt64Bits(vec[q]) != expected || BitConverter.DoubleToInt64Bits(lane[q]) != expected) mismatches++;
                var r = CounterNormal.Start(keys[q], hash);
                var i = (int)(r & 0x7F);
                var v = ((r >> 11) * (2.0 / 9007199254740992.0) - 1.0) * Ziggurat.X[i];
                if (!(Math.Abs(v) < Ziggurat.X[i + 1]))
                {
                    slow++;
                    if (i == 0) tail++;
                }
            }
        }
        Assert.Equal(0, mismatches);
        // A uniform layer i and u leave the fast path with probability mean_i(1 − X[i+1]/X[i]) ≈ 2.76 %, through the
        // tail layer (1 − R/X[0])/128 ≈ 0.057 %: both paths are exercised thousands of times (counts within 6 σ).
        var pSlow = Enumerable.Range(0, 128).Average(i => 1 - Ziggurat.X[i + 1] / Ziggurat.X[i]);
        var pTail = (1 - Ziggurat.X[1] / Ziggurat.X[0]) / 128;
        Assert.InRange(slow, draws * pSlow - 6 * Math.Sqrt(draws * pSlow), draws * pSlow + 6 * Math.Sqrt(draws * pSlow));
        Assert.InRange(tail, draws * pTail - 6 * Math.Sqrt(draws * pTail), draws * pTail + 6 * Math.Sqrt(draws * pTail));
        Assert.True(tail > 1000, $"tail draws {tail}");
    }

    /// <summary>
    /// The sweep's innovation kernel — <see cref="CounterNormal.DrawFast"/> (second table gather replaced by the 16-bit
    /// bound <see cref="CounterNormal.AcceptBound16"/>), <see cref="CounterNormal.CollectSlowLanes"/> and the vectorised
    /// wedge test with its redraw, <see cref="CounterNormal.ResolveSlowLanes"/> — equals the scalar draw in every lane
    /// for about 1 M (key, site) pairs, with batch lengths that are and are not multiples of 8 and 64, several sites
    /// collected before one resolve, and a small buffer that forces resolves in the middle of a site. The pairs reach
    /// every branch: tail lanes, wedge lanes accepted and rejected, rejected lanes whose redraw misses the fast path
    /// again (scalar continuation), and lanes on the 16-bit bound (exact check); each is counted here with the scalar
    /// Ziggurat's own tests and must occur.
    /// </summary>
    [Fact]
    public unsafe void SweepInnovationKernelEqualsScalarDrawsBitForBit()
    {
        if (!CounterNormal.BatchAccelerated) return; // the kernel runs only with AVX-512; Sweep draws lane by lane otherwise
        const int maxLanes = 131, sites = 20_000;
        var keys = new ulong[maxLanes];
        for (var q = 0; q < maxLanes; q++) keys[q] = SeedDerivation.Derive(20261124, q, "within");
        int[] lengths = [8, 32, 13, 64, 71, 131, 40];
        const int group = 5;
        var z = new double[group * maxLanes];
        var missed = new ulong[group * 3];
        var outs = new nint[16];
        var x0s = new ulong[16];
        long draws = 0, tail = 0, wedge = 0, rejected = 0, redrawMissed = 0, onBound = 0;
        var mismatches = 0;
        fixed (ulong* pk = keys)
        fixed (double* pz = z)
        fixed (ulong* pm = missed)
        fixed (nint* po = outs)
        fixed (ulong* px0 = x0s)
        {
            var slow = new CounterNormal.SlowLanes { Out = (double**)po, X0 = px0, Capacity = 16 };
            for (var s0 = 0; s0 < sites; s0 += group)
            {
                var n = lengths[s0 / group % lengths.Length];
                for (var g = 0; g < group; g++)
                    CounterNormal.DrawFast(pk, n, CounterNormal.SiteHash(s0 + g), pz + g * maxLanes, pm + g * 3);
                for (var g = 0; g < group; g++)
                    CounterNormal.CollectSlowLanes(pk, n, CounterNormal.SiteHash(s0 + g), pz + g * maxLanes, pm + g * 3, ref slow);
                CounterNormal.ResolveSlowLanes(ref slow);
                Assert.Equal(0, slow.Count);
                for (var g = 0; g < group; g++)
                {
                    var hash = CounterNormal.SiteHash(s0 + g);
                    for (var q = 0; q < n; q++)
                    {
                        draws++;
                        if (BitConverter.DoubleToInt64Bits(z[g * maxLanes + q]) != BitConverter.DoubleToInt64Bits(CounterNormal.DrawHashed(keys[q], hash)))
                            mismatches++;
                        var x = CounterNormal.Start(keys[q], hash);
                        var i = (int)(x & 0x7F);
                        var u = (x >> 11) * (2.0 / 9007199254740992.0) - 1.0;
                        var v = u * Ziggurat.X[i];
                        var k = (long)Math.Abs((long)(x >> 11) - (1L << 52));
                        if (q < n / 8 * 8 && k >> CounterNormal.AcceptShift == CounterNormal.AcceptBound16[i]) onBound++;
                        if (Math.Abs(v) < Ziggurat.X[i + 1]) continue;
                        if (i == 0) { tail++; continue; }
                        wedge++;
                        var f0 = Ziggurat.F[i];
                        var f1 = Ziggurat.F[i + 1];
                        x += 0x9e3779b97f4a7c15UL;
                        var uniform = (SeedDerivation.Mix(x) >> 11) * (1.0 / 9007199254740992.0);
                        if (f1 + uniform * (f0 - f1) < Math.Exp(-0.5 * v * v)) continue;
                        rejected++;
                        var r2 = SeedDerivation.Mix(x + 0x9e3779b97f4a7c15UL);
                        var i2 = (int)(r2 & 0x7F);
                        if (!(Math.Abs(((r2 >> 11) * (2.0 / 9007199254740992.0) - 1.0) * Ziggurat.X[i2]) < Ziggurat.X[i2 + 1])) redrawMissed++;
                    }
                }
            }
        }
        Assert.Equal(0, mismatches);
        Assert.True(tail > 100 && wedge > 10_000 && rejected > 5_000 && redrawMissed > 50 && onBound > 10,
            $"draws {draws}: tail {tail}, wedge {wedge}, rejected {rejected}, redraw missed {redrawMissed}, on the bound {onBound}");
    }

    /// <summary>
    /// The 16-bit bounds are sound and tight: for every layer, the largest k = |u|·2⁵² below the bound passes the exact
    /// fast-path test fl(k·2⁻⁵²·X[i]) &lt; X[i+1] (so, rounding being monotone, every smaller k does), and the first k of
    /// the next 16-bit step fails it.
    /// </summary>
    [Fact]
    public void AcceptBoundsAreSoundAndTight()
    {
        var shift = CounterNormal.AcceptShift;
        for (var i = 0; i < 128; i++)
        {
            long b = CounterNormal.AcceptBound16[i];
            if (b > 0)
                Assert.True((((b << shift) - 1) * (1.0 / 4503599627370496.0)) * Ziggurat.X[i] < Ziggurat.X[i + 1], $"layer {i}");
            var next = (b + 1) << shift;
            if (next <= 1L << 52)
                Assert.False(next * (1.0 / 4503599627370496.0) * Ziggurat.X[i] < Ziggurat.X[i + 1], $"layer {i}");
        }
        Assert.Equal(0, CounterNormal.AcceptBound16[127]); // X[128] = 0: the top layer never takes the fast path
    }

    [Fact]
    public void BatchDrawRejectsShortOutput()
    {
        var ex = Assert.Throws<ArgumentException>(() => CounterNormal.DrawHashed(new ulong[9], 1UL, new double[8]));
        Assert.Contains("shorter", ex.Message);
    }

    /// <summary>
    /// Subset sweeps of two factors (Matérn 3/2 and exponential over one level-cell structure, m = 12) for 1 to 44 lanes
    /// of 48-lane rows equal, at every closure row, the scalar whole-field sweep of the same factor and keys; padding
    /// lanes are 0. The per-lane sweep equals, lane by lane, the whole-field sweep of that lane's factor.
    /// </summary>
    [Fact]
    public void SubsetSweepsEqualScalarWholeFieldSweepBitForBit()
    {
        var sites = VecchiaTestSites.Random(1500, 41, sizeDeg: 1.2);
        var structure = VecchiaStructure.Build(sites.X, sites.Y, new VecchiaOptions(12, VecchiaOrdering.LevelCell));
        VecchiaFactor[] factors =
        [
            VecchiaFactor.Compute(structure, sites, new MaternCorrelation(1.5, 12.0)),
            VecchiaFactor.Compute(structure, sites, new ExponentialCorrelation(25.0)),
        ];
        int[] tile = Enumerable.Range(0, 1500).Where(s => sites.X[s] < sites.X.Min() + 20 && sites.Y[s] < sites.Y.Min() + 25).ToArray();
        var subset = VecchiaSubset.Create(factors, tile);
        Assert.True(subset.Count > tile.Length && subset.Count < 1500, $"closure {subset.Count} of {tile.Length}");
        var rows = new int[subset.Count];
        var marks = new byte[subset.Count];
        var rowOfSite = new Dictionary<int, int>();
        for (var r = 0; r < subset.Count; r++) rowOfSite[subset.Sites[r]] = r;
        var maxRow = 0;
        foreach (var s in tile.Where((_, j) => j % 3 == 0)) { marks[rowOfSite[s]] = 1; maxRow = Math.Max(maxRow, rowOfSite[s]); }
        var nRows = subset.Closure(marks, maxRow, rows);
        var closure = rows.AsSpan(0, nRows).ToArray();
        const int width = 48;
        foreach (var we in new[] { 1, 4, 7, 8, 12, 20, 31, 32, 36, 44 })
        {
            var keys = Enumerable.Range(0, we).Select(q => SeedDerivation.Derive(99, q + 100 * we, "within")).ToArray();
            var lanes = (we + 3) & ~3;
            for (var f = 0; f < factors.Length; f++)
            {
                var reference = WholeFieldSweep(factors[f], keys);
                var y = new double[subset.Count * width];
                Array.Fill(y, double.NaN);
                subset.Sweep(f, closure, keys, width, y);
                foreach (var r in closure)
                {
                    var p = subset.Positions[r];
                    for (var q = 0; q < we; q++)
                        Assert.Equal(BitConverter.DoubleToInt64Bits(reference[p][q]), BitConverter.DoubleToInt64Bits(y[r * width + q]));
                    for (var q = we; q < lanes; q++) Assert.Equal(0.0, y[r * width + q]);
                }
            }
            var laneFactor = Enumerable.Range(0, we).Select(q => (q * 5 + 1) % 3 % 2).ToArray();
            var refs = factors.Select(fa => WholeFieldSweep(fa, keys)).ToArray();
            var mixed = new double[subset.Count * width];
            subset.SweepPerLane(laneFactor, closure, keys, width, mixed);
            foreach (var r in closure)
            {
                var p = subset.Positions[r];
                for (var q = 0; q < we; q++)
                    Assert.Equal(BitConverter.DoubleToInt64Bits(refs[laneFactor[q]][p][q]), BitConverter.DoubleToInt64Bits(mixed[r * width + q]));
                for (var q = we; q < lanes; q++) Assert.Equal(0.0, mixed[r * width + q]);
            }
        }
    }

    /// <summary>
    /// Sweeps wider than one 64-lane chunk (65, 100 and 131 events in 136-lane rows) over closures whose row counts are
    /// not multiples of the eight-row innovation batch equal the scalar whole-field sweep bit for bit.
    /// </summary>
    [Fact]
    public void WideSubsetSweepsEqualScalarWholeFieldSweepBitForBit()
    {
        var sites = VecchiaTestSites.Random(700, 43, sizeDeg: 0.9);
        var structure = VecchiaStructure.Build(sites.X, sites.Y, new VecchiaOptions(10, VecchiaOrdering.LevelCell));
        var factor = VecchiaFactor.Compute(structure, sites, new ExponentialCorrelation(20.0));
        var subset = VecchiaSubset.Create([factor], Enumerable.Range(0, 700).ToArray());
        const int width = 136;
        foreach (var (we, take) in new[] { (65, 701), (100, 333), (131, 45) })
        {
            var keys = Enumerable.Range(0, we).Select(q => SeedDerivation.Derive(7, q + 1000 * we, "within")).ToArray();
            var reference = WholeFieldSweep(factor, keys);
            // A closure: the first rows of the order (neighbours come earlier), `take` of them.
            var rows = Enumerable.Range(0, Math.Min(take, subset.Count)).ToArray();
            var y = new double[subset.Count * width];
            subset.Sweep(0, rows, keys, width, y);
            foreach (var r in rows)
            {
                var p = subset.Positions[r];
                for (var q = 0; q < we; q++)
                    Assert.Equal(BitConverter.DoubleToInt64Bits(reference[p][q]), BitConverter.DoubleToInt64Bits(y[r * width + q]));
                for (var q = we; q < ((we + 3) & ~3); q++) Assert.Equal(0.0, y[r * width + q]);
            }
        }
    }

    /// <summary>Scalar forward sweep over all positions: y[p][e], innovations keyed by the site at position p.</summary>
    private static double[][] WholeFieldSweep(VecchiaFactor f, ulong[] keys)
    {
        var y = new double[f.Sites][];
        for (var p = 0; p < f.Sites; p++)
        {
            var row = new double[keys.Length];
            var site = f.Structure.Order[p];
            for (var e = 0; e < keys.Length; e++)
            {
                var acc = f.SqrtConditionalVariance[p] * CounterNormal.Draw(keys[e], site);
                for (var t = 0; t < f.Count(p); t++)
                {
                    var term = f.Weights[(long)p * f.M + t] * y[f.NeighbourPositions[(long)p * f.M + t]][e];
                    acc += term;
                }
                row[e] = acc;
            }
            y[p] = row;
        }
        return y;
    }
}
