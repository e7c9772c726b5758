namespace QuakeGrid.Core.Gp.Vecchia;

/// <summary>
/// Exact max-min (farthest-first) ordering (Guinness 2018; Schäfer, Katzfuss &amp; Owhadi 2021): start at the point
/// nearest the centroid, then repeatedly take the unselected point farthest from the selected set.
/// Each point's squared distance to the selected set is its key (ties: smaller index first, so the order is deterministic);
/// after selecting a point at distance l, a kd-tree radius-l query lowers the keys of the points it finds (a key can only
/// change within l, since every key is ≤ l²). The keys sit in an indexed 4-ary max-heap that lowers them in place, so
/// memory stays O(N) (a lazy-deletion heap would hold stale entries). Cost about O(N log N) in practice; no O(N²) step.
/// </summary>
public static class MaxMinOrdering
{
    /// <summary>Returns the order (position → point) and each point's max-min distance l at selection (km; +∞ for the first).</summary>
    /// <remarks>Compiled fully optimised at once: it is called once per site set, so tiered compilation would leave its loop in on-stack-replacement code.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static (int[] Order, double[] Length) Compute(double[][] coords, KdTree tree)
    {
        var n = tree.Count;
        var order = new int[n];
        var length = new double[n];
        if (n == 0) return (order, length);
        var dim = coords.Length;
        var centre = new double[dim];
        for (var d = 0; d < dim; d++) centre[d] = coords[d].Average();
        var first = 0;
        var best = double.PositiveInfinity;
        for (var k = 0; k < n; k++)
        {
            double s = 0;
            for (var d = 0; d < dim; d++) s += (coords[d][k] - centre[d]) * (coords[d][k] - centre[d]);
            if (s < best) { best = s; first = k; }
        }
        var key = new double[n];
        for (var k = 0; k < n; k++) key[k] = tree.Dist2(k, first);
        var heap = new IndexedMaxHeap(key, first);
        order[0] = first;
        length[0] = double.PositiveInfinity;
        var visitor = new Lower { Key = key, Heap = heap };
        for (var pos = 1; pos < n; pos++)
        {
            var p = heap.PopMax();
            order[pos] = p;
            var l2 = key[p];
            length[pos] = Math.Sqrt(l2);
            key[p] = -1; // selected
            tree.ForEachWithin(p, l2, ref visitor);
        }
        return (order, length);
    }

    private struct Lower : IPointVisitor
    {
        public double[] Key;
        public IndexedMaxHeap Heap;

        public void Visit(int point, double dist2)
        {
            if (dist2 < Key[point])
            {
                Key[point] = dist2;
                Heap.KeyDecreased(point, dist2);
            }
        }
    }

    /// <summary>
    /// Indexed 4-ary max-heap over point indices with in-place key decrease. Each entry holds its key next to its point
    /// (16 bytes), so the four children of a node share one 64-byte cache line and comparisons need no lookup in a
    /// separate key array. Order: larger key first, ties by smaller point index (a strict total order, so the pop sequence
    /// does not depend on the heap's shape).
    /// </summary>
    private sealed class IndexedMaxHeap
    {
        private struct Entry
        {
            public double Key;
            public int Point;
        }

        private readonly Entry[] _heap;
        private readonly int[] _pos;
        private int _size;

        /// <summary>Heap of every point except <paramref name="excluded"/>, keyed by <paramref name="key"/>.</summary>
        public IndexedMaxHeap(double[] key, int excluded)
        {
            _heap = new Entry[key.Length];
            _pos = new int[key.Length];
            for (var k = 0; k < key.Length; k++)
            {
                if (k == excluded) { _pos[k] = -1; continue; }
                _pos[k] = _size;
                _heap[_size++] = new Entry { Key = key[k], Point = k };
            }
            for (var k = (_size - 2) / 4; k >= 0; k--) SiftDown(k);
        }

        private static bool Above(in Entry a, in Entry b) => a.Key > b.Key || (a.Key == b.Key && a.Point < b.Point);

        public int PopMax()
        {
            var top = _heap[0].Point;
            _pos[top] = -1;
            _size--;
            if (_size > 0)
            {
                _heap[0] = _heap[_size];
                _pos[_heap[0].Point] = 0;
                SiftDown(0);
            }
            return top;
        }

        /// <summary>Lowers the key of <paramref name="point"/> (still in the heap) to <paramref name="key"/>.</summary>
        public void KeyDecreased(int point, double key)
        {
            var at = _pos[point];
            if (at < 0) return;
            _heap[at].Key = key;
            SiftDown(at);
        }

        private void SiftDown(int at)
        {
            var item = _heap[at];
            while (true)
            {
                var c = 4 * at + 1;
                if (c >= _size) break;
                var best = c;
                var end = Math.Min(c + 4, _size);
                for (var k = c + 1; k < end; k++) if (Above(_heap[k], _heap[best])) best = k;
                if (!Above(_heap[best], item)) break;
                _heap[at] = _heap[best];
                _pos[_heap[at].Point] = at;
                at = best;
            }
            _heap[at] = item;
            _pos[item.Point] = at;
        }
    }
}
