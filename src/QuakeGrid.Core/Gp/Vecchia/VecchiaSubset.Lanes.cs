namespace QuakeGrid.Core.Gp.Vecchia;

public sealed partial class VecchiaSubset
{
    /// <summary>
    /// The closure of <paramref name="subsetSites"/> on <paramref name="structure"/> (nearest-neighbour rule: the
    /// structure's neighbour lists are the conditioning sets) without any factor: rows, positions and local neighbour
    /// lists only. The weights come later, per kernel and per set of rows (<see cref="VecchiaFactor.ComputeRows"/>), and
    /// are swept with <see cref="SweepLanes"/> — for kernels that change with the event (Bodenmann EA/EAS: a factor per
    /// epicentre and posterior draw).
    /// </summary>
    public static VecchiaSubset ForStructure(VecchiaStructure structure, ReadOnlySpan<int> subsetSites)
    {
        var c = NearestClosure(structure, subsetSites, "a subset without factors");
        return new VecchiaSubset(c.SiteOf, c.Positions, c.M, c.NeighbourCount, [c.Neighbours], [], [], shared: true, c.Distinct);
    }

    /// <summary>
    /// The closure of <paramref name="subsetSites"/> under the structure's own neighbour lists (nearest-neighbour rule):
    /// global site and sweep position of each local row, neighbour count and local neighbour rows (m slots per row), and
    /// the number of distinct subset sites. <paramref name="what"/> names the caller in the error for another rule.
    /// </summary>
    private static (int[] SiteOf, int[] Positions, int M, int[] NeighbourCount, int[] Neighbours, int Distinct) NearestClosure(
        VecchiaStructure structure, ReadOnlySpan<int> subsetSites, string what)
    {
        ArgumentNullException.ThrowIfNull(structure);
        if (structure.Options.Rule != NeighbourRule.Nearest)
            throw new ArgumentException($"{what} needs the nearest-neighbour rule", nameof(structure));
        var m = structure.Options.Neighbours;
        if (structure.Stride != m) throw new ArgumentException($"the structure stores {structure.Stride} neighbours per site, the rule uses {m}", nameof(structure));
        var (positions, localOf, distinct) = ClosureOf(structure, m, [structure.Neighbours], subsetSites);
        var count = positions.Length;
        var siteOf = new int[count];
        var nCount = new int[count];
        var nb = new int[(long)count * m];
        for (var i = 0; i < count; i++)
        {
            var p = positions[i];
            siteOf[i] = structure.Order[p];
            nCount[i] = Math.Min(p, m);
            for (var t = 0; t < nCount[i]; t++) nb[(long)i * m + t] = localOf[structure.Neighbours[(long)p * m + t]];
        }
        return (siteOf, positions, m, nCount, nb, distinct);
    }

    /// <summary>Neighbour slots per row (m).</summary>
    public int Neighbours => _m;

    /// <summary>
    /// Forward sweep of one factor given row by row — weights of <paramref name="rows"/>[r] at r·m in
    /// <paramref name="weights"/> and sqrt(d) at r in <paramref name="sqrtD"/>, e.g. from
    /// <see cref="VecchiaFactor.ComputeRows"/> at <see cref="Positions"/>[rows[r]] — for the lanes <paramref name="lanes"/>
    /// only: <c>y[row·width + q] = sqrt(d)·z(laneKeys[q], site) + Σ b·y[neighbour·width + q]</c> for q in lanes, other
    /// lanes untouched. <paramref name="rows"/> must be increasing and closed under dependency. Per lane the operations
    /// and their order are those of <see cref="Sweep"/> (sqrt(d)·z, then neighbours added two at a time, ((y + b₀y₀) + b₁y₁)),
    /// so a lane's values are bit-identical to <see cref="Sweep"/> of a subset holding the same factor rows.
    /// </summary>
    public void SweepLanes(ReadOnlySpan<int> rows, ReadOnlySpan<double> weights, ReadOnlySpan<double> sqrtD, ReadOnlySpan<int> lanes,
        ReadOnlySpan<ulong> laneKeys, int width, double[] y)
    {
        var m = _m;
        if (weights.Length < (long)rows.Length * m || sqrtD.Length < rows.Length)
            throw new ArgumentException("weights and sqrt(d) must hold rows × m and rows values");
        if (y.LongLength < (long)Count * width) throw new ArgumentException("field buffer shorter than rows × width", nameof(y));
        foreach (var q in lanes)
            if ((uint)q >= (uint)width || q >= laneKeys.Length) throw new ArgumentOutOfRangeException(nameof(lanes), q, "lane outside the width or without a key");
        var nbr = _neighbours[0];
        for (var r = 0; r < rows.Length; r++)
        {
            var i = rows[r];
            var o = (long)i * width;
            var sd = sqrtD[r];
            var hash = _siteHash[i];
            var k = _count[i];
            var b = weights.Slice(r * m, k);
            var ni = nbr.AsSpan(i * m, k);
            foreach (var q in lanes)
            {
                var acc = sd * CounterNormal.DrawHashed(laneKeys[q], hash);
                var t = 0;
                for (; t + 1 < k; t += 2)
                    acc = acc + b[t] * y[(long)ni[t] * width + q] + b[t + 1] * y[(long)ni[t + 1] * width + q];
                if (t < k) acc = acc + b[t] * y[(long)ni[t] * width + q];
                y[o + q] = acc;
            }
        }
    }
}
