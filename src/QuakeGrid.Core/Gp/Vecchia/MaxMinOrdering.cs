namespace QuakeGrid.Core.Gp.Vecchia;

/// <summary>
/// Exact max-min (farthest-first) ordering (Guinness 2018; Schäfer, Katzfuss &amp; Owhadi 2021): start at the point
/// nearest the centroid, then repeatedly take the unselected point farthest from the selected set.
/// Each point's squared distance to the selected set is a key in an indexed binary max-heap (ties: smaller index first,
/// so the order is deterministic); after selecting a point at distance l, a kd-tree radius-l query lowers the keys of
/// the points it finds (a key can only change within l, since every key is ≤ l²). The indexed heap updates keys in place,
/// so memory stays O(N) (a lazy-deletion heap would hold stale entries). Cost about O(N log N) in practice; no O(N²) step.
/// </summary>
public static class MaxMinOrdering
{
    /// <summary>Returns the order (position → point) and each point's max-min distance l at selection (km; +∞ for the first).</summary>
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
        var heap = new IndexedMaxHeap(key);
        heap.Remove(first);
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
                Heap.KeyDecreased(point);
            }
        }
    }

    /// <summary>Binary max-heap over point indices keyed by an external array; supports in-place key decrease.</summary>
    private sealed class IndexedMaxHeap
    {
        private readonly double[] _key;
        private readonly int[] _heap;
        private readonly int[] _pos;
        private int _size;

        public IndexedMaxHeap(double[] key)
        {
            _key = key;
            _size = key.Length;
            _heap = new int[_size];
            _pos = new int[_size];
            for (var k = 0; k < _size; k++) { _heap[k] = k; _pos[k] = k; }
            for (var k = _size / 2 - 1; k >= 0; k--) SiftDown(k);
        }

        private bool Above(int a, int b) => _key[a] > _key[b] || (_key[a] == _key[b] && a < b);

        public int PopMax()
        {
            var top = _heap[0];
            Remove(top);
            return top;
        }

        public void Remove(int point)
        {
            var at = _pos[point];
            if (at < 0) return;
            _size--;
            var last = _heap[_size];
            _pos[point] = -1;
            if (at == _size) return;
            _heap[at] = last;
            _pos[last] = at;
            SiftDown(at);
            SiftUp(_pos[last]);
        }

        public void KeyDecreased(int point)
        {
            var at = _pos[point];
            if (at >= 0) SiftDown(at);
        }

        private void SiftDown(int at)
        {
            var item = _heap[at];
            while (true)
            {
                var c = 2 * at + 1;
                if (c >= _size) break;
                if (c + 1 < _size && Above(_heap[c + 1], _heap[c])) c++;
                if (!Above(_heap[c], item)) break;
                _heap[at] = _heap[c];
                _pos[_heap[at]] = at;
                at = c;
            }
            _heap[at] = item;
            _pos[item] = at;
        }

        private void SiftUp(int at)
        {
            var item = _heap[at];
            while (at > 0)
            {
                var parent = (at - 1) / 2;
                if (!Above(item, _heap[parent])) break;
                _heap[at] = _heap[parent];
                _pos[_heap[at]] = at;
                at = parent;
            }
            _heap[at] = item;
            _pos[item] = at;
        }
    }
}
