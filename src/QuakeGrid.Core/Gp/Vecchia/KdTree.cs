namespace QuakeGrid.Core.Gp.Vecchia;

/// <summary>
/// Static k-d tree over points in D ≤ 8 dimensions (planar km, or scaled feature coordinates), leaves of at most 16 points,
/// split at the median of the widest extent (quickselect, O(N log N) build). Each node keeps its bounding box and, once
/// <see cref="AssignRanks"/> has run, the smallest rank among its points, so that k-nearest queries restricted to
/// "points ordered before i" prune whole subtrees of later points (the Vecchia neighbour search, no O(N²) step).
/// </summary>
public sealed class KdTree
{
    private const int LeafSize = 16;
    private readonly int _d;
    private readonly double[] _p; // point-major coordinates
    private readonly int[] _idx;
    private int[] _rank;
    private int[] _start = [], _end = [], _left = [], _right = [], _minRank = [];
    private double[] _lo = [], _hi = [];
    private int _count;

    /// <summary>Builds the tree over the points whose coordinate d is <c>coords[d][point]</c>.</summary>
    public KdTree(params double[][] coords)
    {
        _d = coords.Length;
        if (_d < 1 || _d > 8) throw new ArgumentException("dimension must lie in [1, 8]");
        var n = coords[0].Length;
        foreach (var c in coords) if (c.Length != n) throw new ArgumentException("coordinate arrays differ in length");
        _p = new double[(long)n * _d];
        for (var i = 0; i < n; i++)
            for (var d = 0; d < _d; d++)
            {
                var v = coords[d][i];
                if (!double.IsFinite(v)) throw new ArgumentException($"point {i} has a non-finite coordinate {d}");
                _p[i * _d + d] = v;
            }
        _idx = new int[n];
        for (var k = 0; k < n; k++) _idx[k] = k;
        _rank = new int[n];
        var cap = 2 * (n / LeafSize + 1) * 2 + 1;
        _start = new int[cap]; _end = new int[cap]; _left = new int[cap]; _right = new int[cap]; _minRank = new int[cap];
        _lo = new double[cap * _d]; _hi = new double[cap * _d];
        if (n > 0) Build(0, n);
    }

    public int Count => _idx.Length;
    public int Dimension => _d;

    /// <summary>Squared Euclidean distance between points <paramref name="a"/> and <paramref name="b"/>.</summary>
    public double Dist2(int a, int b)
    {
        double s = 0;
        for (var d = 0; d < _d; d++) { var t = _p[a * _d + d] - _p[b * _d + d]; s += t * t; }
        return s;
    }

    /// <summary>Coordinates of point <paramref name="i"/>.</summary>
    public ReadOnlySpan<double> Point(int i) => _p.AsSpan(i * _d, _d);

    private int Build(int start, int end)
    {
        var id = _count++;
        _start[id] = start; _end[id] = end; _left[id] = -1; _right[id] = -1;
        var lo = _lo.AsSpan(id * _d, _d);
        var hi = _hi.AsSpan(id * _d, _d);
        lo.Fill(double.PositiveInfinity);
        hi.Fill(double.NegativeInfinity);
        for (var k = start; k < end; k++)
        {
            var b = _idx[k] * _d;
            for (var d = 0; d < _d; d++)
            {
                var v = _p[b + d];
                if (v < lo[d]) lo[d] = v;
                if (v > hi[d]) hi[d] = v;
            }
        }
        if (end - start <= LeafSize) return id;
        var axis = 0;
        for (var d = 1; d < _d; d++) if (hi[d] - lo[d] > hi[axis] - lo[axis]) axis = d;
        var mid = (start + end) / 2;
        Select(start, end - 1, mid, axis);
        _left[id] = Build(start, mid);
        _right[id] = Build(mid, end);
        return id;
    }

    private bool Less(int a, int b, int axis)
    {
        var ka = _p[a * _d + axis];
        var kb = _p[b * _d + axis];
        return ka < kb || (ka == kb && a < b);
    }

    // Hoare quickselect on _idx[lo..hi] so that position k holds the k-th smallest (ties by index).
    private void Select(int lo, int hi, int k, int axis)
    {
        while (hi > lo)
        {
            var a = _idx[lo];
            var b = _idx[(lo + hi) >> 1];
            var c = _idx[hi];
            var pivot = Less(a, b, axis) ? (Less(b, c, axis) ? b : (Less(a, c, axis) ? c : a)) : (Less(a, c, axis) ? a : (Less(b, c, axis) ? c : b));
            int i = lo, j = hi;
            while (i <= j)
            {
                while (Less(_idx[i], pivot, axis)) i++;
                while (Less(pivot, _idx[j], axis)) j--;
                if (i <= j)
                {
                    (_idx[i], _idx[j]) = (_idx[j], _idx[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return;
        }
    }

    /// <summary>Sets the rank (position in an ordering) of every point and the per-node minimum rank.</summary>
    public void AssignRanks(int[] rankOfPoint)
    {
        if (rankOfPoint.Length != _idx.Length) throw new ArgumentException("rank array length differs from point count");
        _rank = rankOfPoint;
        for (var id = _count - 1; id >= 0; id--)
        {
            if (_left[id] < 0)
            {
                var m = int.MaxValue;
                for (var k = _start[id]; k < _end[id]; k++) m = Math.Min(m, rankOfPoint[_idx[k]]);
                _minRank[id] = m;
            }
            else
            {
                _minRank[id] = Math.Min(_minRank[_left[id]], _minRank[_right[id]]);
            }
        }
    }

    private double BoxDist2(int id, ReadOnlySpan<double> q)
    {
        var b = id * _d;
        if (_d == 2)
        {
            double qx = q[0], qy = q[1], lx = _lo[b], ly = _lo[b + 1], hx = _hi[b], hy = _hi[b + 1];
            var tx = qx < lx ? lx - qx : qx > hx ? qx - hx : 0.0;
            var ty = qy < ly ? ly - qy : qy > hy ? qy - hy : 0.0;
            return tx * tx + ty * ty;
        }
        double s = 0;
        for (var d = 0; d < _d; d++)
        {
            var v = q[d];
            var t = v < _lo[b + d] ? _lo[b + d] - v : v > _hi[b + d] ? v - _hi[b + d] : 0.0;
            s += t * t;
        }
        return s;
    }

    private double PointDist2(int p, ReadOnlySpan<double> q)
    {
        var b = p * _d;
        if (_d == 2)
        {
            var dx = _p[b] - q[0];
            var dy = _p[b + 1] - q[1];
            return dx * dx + dy * dy;
        }
        double s = 0;
        for (var d = 0; d < _d; d++) { var t = _p[b + d] - q[d]; s += t * t; }
        return s;
    }

    /// <summary>Calls the visitor for every point strictly within squared distance <paramref name="r2"/> of point <paramref name="centre"/>.</summary>
    public void ForEachWithin<TVisitor>(int centre, double r2, ref TVisitor visit) where TVisitor : struct, IPointVisitor
    {
        if (_count == 0) return;
        if (_d == 2)
        {
            ForEachWithin2(centre, r2, ref visit);
            return;
        }
        var q = _p.AsSpan(centre * _d, _d);
        Span<int> stack = stackalloc int[128];
        var sp = 0;
        stack[sp++] = 0;
        while (sp > 0)
        {
            var id = stack[--sp];
            if (BoxDist2(id, q) >= r2) continue;
            if (_left[id] < 0)
            {
                for (var k = _start[id]; k < _end[id]; k++)
                {
                    var p = _idx[k];
                    var d2 = PointDist2(p, q);
                    if (d2 < r2) visit.Visit(p, d2);
                }
            }
            else
            {
                stack[sp++] = _left[id];
                stack[sp++] = _right[id];
            }
        }
    }

    /// <summary><see cref="ForEachWithin"/> in two dimensions: the same traversal and arithmetic, with the coordinate loops unrolled.</summary>
    private void ForEachWithin2<TVisitor>(int centre, double r2, ref TVisitor visit) where TVisitor : struct, IPointVisitor
    {
        var p = _p;
        var lo = _lo;
        var hi = _hi;
        double qx = p[2 * centre], qy = p[2 * centre + 1];
        Span<int> stack = stackalloc int[128];
        var sp = 0;
        stack[sp++] = 0;
        while (sp > 0)
        {
            var id = stack[--sp];
            double lx = lo[2 * id], ly = lo[2 * id + 1], hx = hi[2 * id], hy = hi[2 * id + 1];
            var tx = qx < lx ? lx - qx : qx > hx ? qx - hx : 0.0;
            var ty = qy < ly ? ly - qy : qy > hy ? qy - hy : 0.0;
            if (tx * tx + ty * ty >= r2) continue;
            if (_left[id] < 0)
            {
                for (var k = _start[id]; k < _end[id]; k++)
                {
                    var pt = _idx[k];
                    var dx = p[2 * pt] - qx;
                    var dy = p[2 * pt + 1] - qy;
                    var d2 = dx * dx + dy * dy;
                    if (d2 < r2) visit.Visit(pt, d2);
                }
            }
            else
            {
                stack[sp++] = _left[id];
                stack[sp++] = _right[id];
            }
        }
    }

    /// <summary>
    /// The (up to) <paramref name="k"/> points nearest to point <paramref name="centre"/> among those with rank &lt; <paramref name="rankLimit"/>,
    /// sorted by increasing distance (ties by point index). Returns how many were found. Scratch spans must hold k items.
    /// </summary>
    public int NearestBefore(int centre, int rankLimit, int k, Span<int> points, Span<double> dist2)
    {
        if (_count == 0 || k == 0) return 0;
        var q = _p.AsSpan(centre * _d, _d);
        var found = 0;
        Span<int> stack = stackalloc int[128];
        var sp = 0;
        stack[sp++] = 0;
        while (sp > 0)
        {
            var id = stack[--sp];
            if (_minRank[id] >= rankLimit) continue;
            if (found == k && BoxDist2(id, q) >= dist2[k - 1]) continue;
            if (_left[id] < 0)
            {
                for (var t = _start[id]; t < _end[id]; t++)
                {
                    var p = _idx[t];
                    if (_rank[p] >= rankLimit) continue;
                    var d2 = PointDist2(p, q);
                    if (found == k && (d2 > dist2[k - 1] || (d2 == dist2[k - 1] && p > points[k - 1]))) continue;
                    var pos = found == k ? k - 1 : found++;
                    while (pos > 0 && (dist2[pos - 1] > d2 || (dist2[pos - 1] == d2 && points[pos - 1] > p)))
                    {
                        dist2[pos] = dist2[pos - 1];
                        points[pos] = points[pos - 1];
                        pos--;
                    }
                    dist2[pos] = d2;
                    points[pos] = p;
                }
            }
            else
            {
                var l = _left[id];
                var r = _right[id];
                if (BoxDist2(l, q) <= BoxDist2(r, q))
                {
                    stack[sp++] = r;
                    stack[sp++] = l;
                }
                else
                {
                    stack[sp++] = l;
                    stack[sp++] = r;
                }
            }
        }
        return found;
    }
}

/// <summary>Callback of <see cref="KdTree.ForEachWithin"/>.</summary>
public interface IPointVisitor
{
    void Visit(int point, double dist2);
}
