using System.Diagnostics;

namespace QuakeGrid.Core.Gp.Vecchia;

/// <summary>
/// A Vecchia structure whose dependency closures stay local, for sweeping sub-regions (tiles, the sites within reach of
/// one rupture) of a global field exactly:
/// <list type="number">
/// <item>max-min order (<see cref="MaxMinOrdering"/>) with distances l_p; level λ(p) = 1 + ⌊log2(l_1/l_p)⌋ (the first
/// site alone at level 0), as the dyadic levels of <see cref="VecchiaOrdering.LevelMorton"/>;</item>
/// <item>each level λ ≥ 1 is cut into square cells of side c_λ = K·l_1/2^(λ−1) (K = <see cref="VecchiaOptions.CellFactor"/>,
/// a few times the level's site spacing); the order is (level, Morton code of the cell, max-min position);</item>
/// <item>a site conditions on its m nearest sites among (a) every site of a coarser level and (b) the earlier sites of
/// its own cell (ties by site index).</item>
/// </list>
/// In max-min order a site may condition on any earlier site of its level, and chains of such neighbours make the
/// dependency closure of even a small region most of the domain. Here a chain stays inside one cell per level and moves
/// only to coarser levels (fewer sites), so the closure of a region is the region, the rest of the cells it touches and
/// a ring of coarse sites: a halo of about K finest-level spacings. The price is that neighbouring sites of the same
/// level in different cells are conditionally independent given the coarser levels (accuracy: see docs/benchmarks.md
/// and the Gp tests).
/// </summary>
public static class LevelCellStructure
{
    /// <summary>Builds the structure for <paramref name="coords"/> (<c>coords[d][site]</c>; cells use the first two coordinates).</summary>
    public static VecchiaStructure Build(double[][] coords, VecchiaOptions options, int maxParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(coords);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var n = coords[0].Length;
        var sw = Stopwatch.StartNew();
        var tree = new KdTree(coords);
        var (maxMin, length) = MaxMinOrdering.Compute(coords, tree);
        var x = coords[0];
        var y = coords[1 % coords.Length];
        var level = new int[n];
        var l1 = n > 1 ? length[1] : 1.0;
        if (!(l1 > 0)) l1 = 1.0;
        for (var p = 1; p < n; p++)
            level[p] = 1 + (int)Math.Min(40, Math.Floor(Math.Log2(l1 / Math.Max(length[p], l1 * 1e-12))));
        double minX = n > 0 ? x.Min() : 0, minY = n > 0 ? y.Min() : 0;
        var cellX = new int[n];
        var cellY = new int[n];
        var keys = new (int Level, int Color, ulong Cell, int Pos)[n];
        for (var p = 0; p < n; p++)
        {
            var lv = level[p];
            ulong cell = 0;
            var color = 0;
            if (lv > 0)
            {
                var side = options.CellFactor * l1 / Math.Pow(2, lv - 1);
                var s = maxMin[p];
                var cx = (int)Math.Min(2097151, Math.Floor((x[s] - minX) / side));
                var cy = (int)Math.Min(2097151, Math.Floor((y[s] - minY) / side));
                cellX[p] = cx;
                cellY[p] = cy;
                color = (cx & 1) | ((cy & 1) << 1);
                cell = VecchiaStructure.Interleave((uint)cx) | (VecchiaStructure.Interleave((uint)cy) << 1);
            }
            keys[p] = (lv, color, cell, p);
        }
        Array.Sort(keys, (a, b) => a.Level != b.Level ? a.Level.CompareTo(b.Level) : a.Color != b.Color ? a.Color.CompareTo(b.Color)
            : a.Cell != b.Cell ? a.Cell.CompareTo(b.Cell) : a.Pos.CompareTo(b.Pos));
        var order = new int[n];
        var len = new double[n];
        var levelStart = new int[n];
        var cellStart = new int[n];
        var cx2 = new int[n];
        var cy2 = new int[n];
        var lv2 = new int[n];
        var cells = new Dictionary<(int Level, int X, int Y), (int Start, int End)>();
        for (var i = 0; i < n; i++)
        {
            var p = keys[i].Pos;
            order[i] = maxMin[p];
            len[i] = length[p];
            lv2[i] = keys[i].Level; cx2[i] = cellX[p]; cy2[i] = cellY[p];
            var newLevel = i == 0 || keys[i].Level != keys[i - 1].Level;
            levelStart[i] = newLevel ? i : levelStart[i - 1];
            cellStart[i] = newLevel || keys[i].Cell != keys[i - 1].Cell || keys[i].Color != keys[i - 1].Color ? i : cellStart[i - 1];
            cells[(lv2[i], cx2[i], cy2[i])] = (cellStart[i], i + 1);
        }
        var rank = new int[n];
        for (var p = 0; p < n; p++) rank[order[p]] = p;
        tree.AssignRanks(rank);
        var orderingTime = sw.Elapsed;
        sw.Restart();

        var m = options.Neighbours;
        var nbr = new int[(long)n * m];
        var count = new int[n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, () => new Scratch(m),
            (i, _, s) =>
            {
                var site = order[i];
                var found = tree.NearestBefore(site, levelStart[i], Math.Min(levelStart[i], m), s.TreePoints, s.TreeDist2);
                var c = 0;
                for (var q = 0; q < found; q++) s.Add(ref c, s.TreeDist2[q], s.TreePoints[q]);
                for (var j = cellStart[i]; j < i; j++) s.Add(ref c, tree.Dist2(site, order[j]), order[j]);
                if (lv2[i] > 0)
                {
                    // Whole neighbouring cells (8-neighbourhood) of the same level that come earlier (smaller colour).
                    var color = (cx2[i] & 1) | ((cy2[i] & 1) << 1);
                    for (var dy = -1; dy <= 1; dy++)
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        if (dx == 0 && dy == 0) continue;
                        int ox = cx2[i] + dx, oy = cy2[i] + dy;
                        if (ox < 0 || oy < 0 || ((ox & 1) | ((oy & 1) << 1)) >= color) continue;
                        if (!cells.TryGetValue((lv2[i], ox, oy), out var range)) continue;
                        for (var j = range.Start; j < range.End; j++) s.Add(ref c, tree.Dist2(site, order[j]), order[j]);
                    }
                }
                s.SortPrefix(c);
                var k = Math.Min(c, m);
                for (var q = 0; q < k; q++) nbr[(long)i * m + q] = rank[s.Points[q]];
                count[i] = k;
                return s;
            }, _ => { });
        // VecchiaStructure rows hold min(i, m) entries; a site with fewer candidates (e.g. the first of a level with
        // fewer than m coarser sites) is padded with its nearest candidates again, which the factor's semi-definite
        // solve gives weight 0 (duplicate conditioning sites).
        for (var i = 0; i < n; i++)
        {
            var need = Math.Min(i, m);
            if (count[i] == need) continue;
            if (count[i] == 0) throw new InvalidOperationException($"site {order[i]} has no conditioning candidates");
            for (var q = count[i]; q < need; q++) nbr[(long)i * m + q] = nbr[(long)i * m + (q % count[i])];
        }
        return new VecchiaStructure(order, rank, len, m, nbr, options, orderingTime, sw.Elapsed);
    }

    private sealed class Scratch(int m)
    {
        public readonly int[] TreePoints = new int[m];
        public readonly double[] TreeDist2 = new double[m];
        public int[] Points = new int[4 * m + 16];
        public double[] Dist2 = new double[4 * m + 16];

        public void Add(ref int c, double d2, int p)
        {
            if (c == Points.Length)
            {
                Array.Resize(ref Points, 2 * c);
                Array.Resize(ref Dist2, 2 * c);
            }
            Points[c] = p;
            Dist2[c] = d2;
            c++;
        }

        /// <summary>Insertion sort by (distance², site index).</summary>
        public void SortPrefix(int c)
        {
            for (var a = 1; a < c; a++)
            {
                var d = Dist2[a];
                var p = Points[a];
                var b = a - 1;
                while (b >= 0 && (Dist2[b] > d || (Dist2[b] == d && Points[b] > p)))
                {
                    Dist2[b + 1] = Dist2[b];
                    Points[b + 1] = Points[b];
                    b--;
                }
                Dist2[b + 1] = d;
                Points[b + 1] = p;
            }
        }
    }
}
