namespace QuakeGrid.Core.Gp.Vecchia;

/// <summary>
/// Static 2-d tree over planar points (km), leaves of at most 16 points, split at the median of the wider extent
/// (quickselect, O(N log N) build). Each node keeps its bounding box and, once <see cref="AssignRanks"/> has run,
/// the smallest rank among its points, so that k-nearest queries restricted to "points ordered before i" prune whole
/// subtrees of later points (the neighbour search of the Vecchia factor, with no O(N²) step).
/// </summary>
public sealed class KdTree2D
{
    private const int LeafSize = 16;
    private readonly double[] _x, _y;
    private readonly int[] _idx;
    private int[] _rank;
    private readonly List<Node> _nodes = new();
    private Node[] _n = [];

    private struct Node
    {
        public int Start, End, Left, Right;
        public double MinX, MaxX, MinY, MaxY;
        public int MinRank;
    }

    public KdTree2D(double[] x, double[] y)
    {
        if (x.Length != y.Length) throw new ArgumentException("coordinate arrays differ in length");
        _x = x;
        _y = y;
        _idx = new int[x.Length];
        for (var k = 0; k < _idx.Length; k++) _idx[k] = k;
        _rank = new int[x.Length];
        if (x.Length > 0) Build(0, x.Length);
        _n = _nodes.ToArray();
        _nodes.Clear();
    }

    public int Count => _x.Length;

    private int Build(int start, int end)
    {
        double minX = double.PositiveInfinity, maxX = double.NegativeInfinity, minY = double.PositiveInfinity, maxY = double.NegativeInfinity;
        for (var k = start; k < end; k++)
        {
            var p = _idx[k];
            if (_x[p] < minX) minX = _x[p];
            if (_x[p] > maxX) maxX = _x[p];
            if (_y[p] < minY) minY = _y[p];
            if (_y[p] > maxY) maxY = _y[p];
        }
        var id = _nodes.Count;
        _nodes.Add(new Node { Start = start, End = end, Left = -1, Right = -1, MinX = minX, MaxX = maxX, MinY = minY, MaxY = maxY });
        if (end - start <= LeafSize) return id;
        var useX = maxX - minX >= maxY - minY;
        var mid = (start + end) / 2;
        Select(start, end - 1, mid, useX ? _x : _y);
        var left = Build(start, mid);
        var right = Build(mid, end);
        var node = _nodes[id];
        node.Left = left;
        node.Right = right;
        _nodes[id] = node;
        return id;
    }

    // Hoare quickselect: afterwards _idx[k] holds the k-th smallest key in [lo, hi], smaller keys before it. Ties broken by index.
    private void Select(int lo, int hi, int k, double[] key)
    {
        while (hi > lo)
        {
            var a = _idx[lo];
            var b = _idx[(lo + hi) >> 1];
            var c = _idx[hi];
            // median of three as the pivot
            var pivot = Less(a, b, key) ? (Less(b, c, key) ? b : (Less(a, c, key) ? c : a)) : (Less(a, c, key) ? a : (Less(b, c, key) ? c : b));
            int i = lo, j = hi;
            while (i <= j)
            {
                while (Less(_idx[i], pivot, key)) i++;
                while (Less(pivot, _idx[j], key)) j--;
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

    private static bool Less(int a, int b, double[] key) => key[a] < key[b] || (key[a] == key[b] && a < b);

    /// <summary>Sets the rank (position in an ordering) of every point and the per-node minimum rank.</summary>
    public void AssignRanks(int[] rankOfPoint)
    {
        if (rankOfPoint.Length != _x.Length) throw new ArgumentException("rank array length differs from point count");
        _rank = rankOfPoint;
        for (var id = _n.Length - 1; id >= 0; id--)
        {
            ref var node = ref _n[id];
            if (node.Left < 0)
            {
                var m = int.MaxValue;
                for (var k = node.Start; k < node.End; k++) m = Math.Min(m, rankOfPoint[_idx[k]]);
                node.MinRank = m;
            }
            else
            {
                node.MinRank = Math.Min(_n[node.Left].MinRank, _n[node.Right].MinRank);
            }
        }
    }

    private static double BoxDist2(in Node n, double qx, double qy)
    {
        var dx = qx < n.MinX ? n.MinX - qx : qx > n.MaxX ? qx - n.MaxX : 0.0;
        var dy = qy < n.MinY ? n.MinY - qy : qy > n.MaxY ? qy - n.MaxY : 0.0;
        return dx * dx + dy * dy;
    }

    /// <summary>Calls <paramref name="visit"/>(point, squared distance) for every point within squared distance <paramref name="r2"/> of (qx, qy), strictly.</summary>
    public void ForEachWithin<TVisitor>(double qx, double qy, double r2, ref TVisitor visit) where TVisitor : struct, IPointVisitor
    {
        if (_n.Length == 0) return;
        Span<int> stack = stackalloc int[128];
        var sp = 0;
        stack[sp++] = 0;
        while (sp > 0)
        {
            var id = stack[--sp];
            ref readonly var node = ref _n[id];
            if (BoxDist2(node, qx, qy) >= r2) continue;
            if (node.Left < 0)
            {
                for (var k = node.Start; k < node.End; k++)
                {
                    var p = _idx[k];
                    var dx = _x[p] - qx;
                    var dy = _y[p] - qy;
                    var d2 = dx * dx + dy * dy;
                    if (d2 < r2) visit.Visit(p, d2);
                }
            }
            else
            {
                stack[sp++] = node.Left;
                stack[sp++] = node.Right;
            }
        }
    }

    /// <summary>
    /// The (up to) <paramref name="k"/> points nearest to (qx, qy) among those with rank &lt; <paramref name="rankLimit"/>,
    /// sorted by increasing distance (ties by point index). Returns how many were found. Scratch spans must hold k items.
    /// </summary>
    public int NearestBefore(double qx, double qy, int rankLimit, int k, Span<int> points, Span<double> dist2)
    {
        if (_n.Length == 0 || k == 0) return 0;
        var found = 0;
        Span<int> stack = stackalloc int[128];
        var sp = 0;
        stack[sp++] = 0;
        while (sp > 0)
        {
            var id = stack[--sp];
            ref readonly var node = ref _n[id];
            if (node.MinRank >= rankLimit) continue;
            if (found == k && BoxDist2(node, qx, qy) >= dist2[k - 1]) continue;
            if (node.Left < 0)
            {
                for (var q = node.Start; q < node.End; q++)
                {
                    var p = _idx[q];
                    if (_rank[p] >= rankLimit) continue;
                    var dx = _x[p] - qx;
                    var dy = _y[p] - qy;
                    var d2 = dx * dx + dy * dy;
                    if (found == k && (d2 > dist2[k - 1] || (d2 == dist2[k - 1] && p > points[k - 1]))) continue;
                    // sorted insertion
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
                // Visit the nearer child first (pushed last).
                ref readonly var l = ref _n[node.Left];
                ref readonly var r = ref _n[node.Right];
                if (BoxDist2(l, qx, qy) <= BoxDist2(r, qx, qy))
                {
                    stack[sp++] = node.Right;
                    stack[sp++] = node.Left;
                }
                else
                {
                    stack[sp++] = node.Left;
                    stack[sp++] = node.Right;
                }
            }
        }
        return found;
    }
}

/// <summary>Callback of <see cref="KdTree2D.ForEachWithin"/>.</summary>
public interface IPointVisitor
{
    void Visit(int point, double dist2);
}
