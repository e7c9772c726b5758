namespace QuakeGrid.Core.Gp.Vecchia;

/// <summary>
/// The part of one or more Vecchia factors over the same <see cref="VecchiaStructure"/> (e.g. one factor per IMT) that a
/// subset of sites depends on: its dependency closure — the sites themselves and every site they condition on,
/// transitively (their ancestors in the sweep order) — with the factor rows copied into a compact local numbering
/// (rows in increasing global sweep position, neighbours as local rows).
/// <para>
/// Sweeping the closure rows in that order with innovations z(event, site) that depend only on the event key and the
/// site's global index (<see cref="CounterNormal"/>) gives, at every site of the subset, exactly the value a sweep over all
/// sites gives: y_i = sqrt(d_i)·z_i + Σ_k b_ik·y_c(k) reads only ancestors, the arithmetic per row is the same sequence of
/// operations, and every lane (event) is computed independently. So fields are bit-identical whatever the subset (tile)
/// and whichever other sites are swept with it, and continuous across subset boundaries. How large the
/// closure is depends on the order: in max-min order chains of same-level neighbours make the closure of even a small
/// region most of the domain (a 200 km disk of the Nepal 0.05° grid: 4.8× its size); in the
/// <see cref="VecchiaOrdering.LevelCell"/> order it is the region plus a halo (1.9×).
/// </para>
/// </summary>
public sealed partial class VecchiaSubset
{
    private readonly int[][] _neighbours;
    private readonly double[][] _weights;
    private readonly double[][] _sd;
    private readonly int[] _count;
    private readonly int _m;
    private readonly bool _sharedNeighbours;
    private readonly ulong[] _siteHash;

    private VecchiaSubset(int[] sites, int[] positions, int m, int[] count, int[][] neighbours, double[][] weights, double[][] sd, bool shared, int subsetSize)
    {
        Sites = sites; Positions = positions; _m = m;
        _siteHash = new ulong[sites.Length];
        for (var i = 0; i < sites.Length; i++) _siteHash[i] = CounterNormal.SiteHash(sites[i]); _count = count; _neighbours = neighbours; _weights = weights; _sd = sd;
        _sharedNeighbours = shared;
        SubsetSize = subsetSize;
    }

    /// <summary>Global site index of each local row (rows in increasing sweep position).</summary>
    public int[] Sites { get; }
    /// <summary>Global sweep position of each local row.</summary>
    public int[] Positions { get; }
    /// <summary>Rows of the closure.</summary>
    public int Count => Sites.Length;
    /// <summary>Number of distinct sites the closure was built for.</summary>
    public int SubsetSize { get; }
    /// <summary>Closure rows per subset site (1 = no halo).</summary>
    public double Redundancy => SubsetSize == 0 ? 1.0 : (double)Count / SubsetSize;
    /// <summary>Number of factors (IMTs).</summary>
    public int FactorCount => _weights.Length;

    /// <summary>
    /// Builds the closure of <paramref name="sites"/> (global site indices, any order, duplicates allowed) in
    /// <paramref name="factors"/>, which must share one structure.
    /// </summary>
    public static VecchiaSubset Create(IReadOnlyList<VecchiaFactor> factors, ReadOnlySpan<int> sites)
    {
        if (factors.Count == 0) throw new ArgumentException("at least one factor is needed", nameof(factors));
        var structure = factors[0].Structure;
        var m = factors[0].M;
        foreach (var f in factors)
            if (!ReferenceEquals(f.Structure, structure) || f.M != m)
                throw new ArgumentException("the factors must share one structure and neighbour count");
        var shared = true;
        for (var k = 1; k < factors.Count && shared; k++)
            shared = factors[k].NeighbourPositions.AsSpan().SequenceEqual(factors[0].NeighbourPositions);
        var (positions, localOf, distinct) = ClosureOf(structure, m, shared ? [factors[0].NeighbourPositions] : factors.Select(f => f.NeighbourPositions).ToArray(), sites);
        var count = positions.Length;
        var siteOf = new int[count];
        var nCount = new int[count];
        for (var i = 0; i < count; i++) { siteOf[i] = structure.Order[positions[i]]; nCount[i] = Math.Min(positions[i], m); }
        var neighbours = new int[shared ? 1 : factors.Count][];
        var weights = new double[factors.Count][];
        var sd = new double[factors.Count][];
        for (var k = 0; k < factors.Count; k++)
        {
            var f = factors[k];
            var w = new double[(long)count * m];
            var s = new double[count];
            int[]? nb = k == 0 || !shared ? new int[(long)count * m] : null;
            for (var i = 0; i < count; i++)
            {
                var p = positions[i];
                s[i] = f.SqrtConditionalVariance[p];
                for (var t = 0; t < nCount[i]; t++)
                {
                    w[(long)i * m + t] = f.Weights[(long)p * m + t];
                    if (nb is not null) nb[(long)i * m + t] = localOf[f.NeighbourPositions[(long)p * m + t]];
                }
            }
            weights[k] = w;
            sd[k] = s;
            if (nb is not null) neighbours[k] = nb;
        }
        return new VecchiaSubset(siteOf, positions, m, nCount, neighbours, weights, sd, shared, distinct);
    }

    /// <summary>
    /// Sweep positions (ascending) of the dependency closure of <paramref name="sites"/> under the neighbour lists
    /// <paramref name="neighbourArrays"/> (m slots per position), the local row of each position up to the largest, and
    /// the number of distinct sites.
    /// </summary>
    private static (int[] Positions, int[] LocalOf, int Distinct) ClosureOf(VecchiaStructure structure, int m, int[][] neighbourArrays, ReadOnlySpan<int> sites)
    {
        var n = structure.Count;
        var marks = new bool[n];
        var maxPos = -1;
        var distinct = 0;
        foreach (var s in sites)
        {
            if ((uint)s >= (uint)n) throw new ArgumentOutOfRangeException(nameof(sites), s, $"site index outside [0, {n})");
            var p = structure.Rank[s];
            if (!marks[p]) distinct++;
            marks[p] = true;
            maxPos = Math.Max(maxPos, p);
        }
        // Neighbours have smaller positions, so one descending pass marks every ancestor.
        var count = 0;
        for (var p = maxPos; p >= 0; p--)
        {
            if (!marks[p]) continue;
            count++;
            var c = Math.Min(p, m);
            foreach (var nbr in neighbourArrays)
                for (var t = 0; t < c; t++) marks[nbr[(long)p * m + t]] = true;
        }
        var positions = new int[count];
        var localOf = new int[maxPos + 1];
        var r = 0;
        for (var p = 0; p <= maxPos; p++)
            if (marks[p]) { localOf[p] = r; positions[r++] = p; }
        return (positions, localOf, distinct);
    }

    /// <summary>
    /// Extends the marked rows (<paramref name="marks"/>[row] = 1, rows ≤ <paramref name="maxRow"/>) to their closure within
    /// this subset, and writes the closure rows in increasing order to <paramref name="rows"/>; returns how many.
    /// Clears the marks it visits.
    /// </summary>
    public int Closure(Span<byte> marks, int maxRow, Span<int> rows)
    {
        var n = 0;
        var nf = _sharedNeighbours ? 1 : _neighbours.Length;
        for (var r = maxRow; r >= 0; r--)
        {
            if (marks[r] == 0) continue;
            n++;
            var c = _count[r];
            for (var k = 0; k < nf; k++)
            {
                var nb = _neighbours[k].AsSpan(r * _m, c);
                foreach (var q in nb) marks[q] = 1;
            }
        }
        var j = 0;
        for (var r = 0; r <= maxRow && j < n; r++)
        {
            if (marks[r] == 0) continue;
            marks[r] = 0;
            rows[j++] = r;
        }
        return n;
    }

    /// <summary>How many rows ahead of the neighbour sums <see cref="Sweep"/> draws the innovations (and how often it finishes the wedge lanes).</summary>
    private const int SweepBatchRows = 8;
    /// <summary>Wedge lanes <see cref="Sweep"/> holds before finishing them (at least the lanes of one row).</summary>
    private const int SlowLaneCapacity = 256;

    /// <summary>
    /// Forward sweep of factor <paramref name="factor"/> over <paramref name="rows"/> (increasing, closed under
    /// dependency — e.g. from <see cref="Closure"/>) for <paramref name="keys"/>.Length ≤ <paramref name="width"/> events:
    /// <c>y[row·width + e] = sqrt(d)·z(keys[e], site) + Σ b·y[neighbour·width + e]</c> with z from <see cref="CounterNormal"/>
    /// keyed by the site's global index. Lanes from keys.Length up to the next multiple of 4 are set to 0; width is a
    /// multiple of 4 and <paramref name="y"/> holds <see cref="Count"/>·width values.
    /// <para>
    /// With AVX-512 the innovations of a row (all lanes) are drawn eight rows ahead of its neighbour sum
    /// (<see cref="CounterNormal.DrawFast"/>; the lanes that miss the Ziggurat fast path are collected and those in a wedge
    /// finished eight at a time by <see cref="CounterNormal.ResolveSlowLanes"/> before the first sum that reads them — a
    /// row drawn ahead is never a neighbour of a row summed before it, since neighbours come earlier in
    /// <paramref name="rows"/>); otherwise lane by lane just before the sum. Per row each block of lanes is kept in registers
    /// (<see cref="RowAccumulator"/>) while the neighbours are added one by one in slot order:
    /// acc = sqrt(d)·z, acc = acc + b_k·y_c(k) for k = 1..m — per lane the same IEEE operations in the same order as
    /// any scalar or whole-field sweep, so the bits do not depend on the block width or the instruction set.
    /// </para>
    /// </summary>
    public unsafe void Sweep(int factor, ReadOnlySpan<int> rows, ReadOnlySpan<ulong> keys, int width, double[] y)
    {
        var we = keys.Length;
        if (width % 4 != 0 || we > width) throw new ArgumentException("width must be a multiple of 4 and at least the number of keys");
        if (y.LongLength < (long)Count * width) throw new ArgumentException("field buffer shorter than rows × width", nameof(y));
        var lanes = (we + 3) & ~3;
        var m = _m;
        var nbr = _neighbours[_sharedNeighbours ? 0 : factor];
        fixed (double* py = y, pb = _weights[factor], psd = _sd[factor])
        fixed (int* pn = nbr, pcount = _count)
        fixed (ulong* phash = _siteHash, pk = keys)
        {
            if (!CounterNormal.BatchAccelerated)
            {
                foreach (var i in rows)
                {
                    var row = py + (long)i * width;
                    CounterNormal.DrawHashedCore(keys, phash[i], new Span<double>(row, we), vector: false);
                    for (var q = we; q < lanes; q++) row[q] = 0;
                    RowAccumulator.Sum(row, lanes, psd[i], pb + (long)i * m, pn + (long)i * m, pcount[i], py, width);
                }
                return;
            }
            var chunks = (we + 63) >> 6;
            var missed = stackalloc ulong[SweepBatchRows * chunks];
            var outs = stackalloc double*[SlowLaneCapacity];
            var x0s = stackalloc ulong[SlowLaneCapacity];
            var slow = new CounterNormal.SlowLanes { Out = outs, X0 = x0s, Capacity = SlowLaneCapacity };
            var nr = rows.Length;
            fixed (int* pr = rows)
            {
                // Software pipeline: row j's neighbour sum next to the innovations of row j + SweepBatchRows, so the
                // draw's arithmetic overlaps the sum's loads; the wedge lanes are finished every SweepBatchRows rows,
                // before the first sum that needs them.
                var ahead = Math.Min(nr, SweepBatchRows);
                for (var j = 0; j < ahead; j++) DrawRow(pk, we, lanes, phash[pr[j]], py + (long)pr[j] * width, missed + j * chunks, ref slow);
                for (var j = 0; j < nr; j++)
                {
                    if (j % SweepBatchRows == 0 && slow.Count != 0) CounterNormal.ResolveSlowLanes(ref slow);
                    var i = pr[j];
                    RowAccumulator.Sum(py + (long)i * width, lanes, psd[i], pb + (long)i * m, pn + (long)i * m, pcount[i], py, width);
                    var a = j + SweepBatchRows;
                    if (a < nr) DrawRow(pk, we, lanes, phash[pr[a]], py + (long)pr[a] * width, missed + a % SweepBatchRows * chunks, ref slow);
                }
            }
        }
    }

    /// <summary>The innovations of one row: fast path, zero padding lanes, lanes that missed it collected.</summary>
    private static unsafe void DrawRow(ulong* pk, int we, int lanes, ulong hash, double* row, ulong* missed, ref CounterNormal.SlowLanes slow)
    {
        CounterNormal.DrawFast(pk, we, hash, row, missed);
        for (var q = we; q < lanes; q++) row[q] = 0;
        CounterNormal.CollectSlowLanes(pk, we, hash, row, missed, ref slow);
    }
}
