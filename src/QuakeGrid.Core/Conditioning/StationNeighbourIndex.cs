namespace QuakeGrid.Core.Conditioning;

/// <summary>
/// k-nearest-station search: a static 3-d kd-tree over unit-sphere coordinates of the stations. The chord distance
/// is monotone in the great-circle distance, so the k nearest by chord are the k nearest on the sphere.
/// Build O(S log S); query O(log S + k) typical; queries are thread-safe and allocation-free.
/// </summary>
public sealed class StationNeighbourIndex
{
    private readonly double[] _x, _y, _z; // by original index
    private readonly int[] _perm;         // tree order → original index
    private readonly byte[] _axis;        // split axis per tree node (node = position in _perm, implicit median layout)

    public StationNeighbourIndex(ReadOnlySpan<double> lon, ReadOnlySpan<double> lat)
    {
        var n = lon.Length;
        _x = new double[n]; _y = new double[n]; _z = new double[n];
        for (var i = 0; i < n; i++) (_x[i], _y[i], _z[i]) = UnitVector(lon[i], lat[i]);
        _perm = new int[n];
        for (var i = 0; i < n; i++) _perm[i] = i;
        _axis = new byte[n];
        Build(0, n);
    }

    public int Count => _perm.Length;

    /// <summary>Unit vector of a point given in degrees.</summary>
    public static (double X, double Y, double Z) UnitVector(double lonDeg, double latDeg)
    {
        var lo = lonDeg * Math.PI / 180.0;
        var la = latDeg * Math.PI / 180.0;
        var c = Math.Cos(la);
        return (c * Math.Cos(lo), c * Math.Sin(lo), Math.Sin(la));
    }

    private double Coord(int idx, int axis) => axis == 0 ? _x[idx] : axis == 1 ? _y[idx] : _z[idx];

    private void Build(int lo, int hi)
    {
        if (hi - lo <= 1) return;
        double minX = double.MaxValue, maxX = double.MinValue, minY = minX, maxY = maxX, minZ = minX, maxZ = maxX;
        for (var i = lo; i < hi; i++)
        {
            var p = _perm[i];
            minX = Math.Min(minX, _x[p]); maxX = Math.Max(maxX, _x[p]);
            minY = Math.Min(minY, _y[p]); maxY = Math.Max(maxY, _y[p]);
            minZ = Math.Min(minZ, _z[p]); maxZ = Math.Max(maxZ, _z[p]);
        }
        var ex = maxX - minX; var ey = maxY - minY; var ez = maxZ - minZ;
        var axis = ex >= ey && ex >= ez ? 0 : ey >= ez ? 1 : 2;
        var mid = (lo + hi) >> 1;
        Array.Sort(_perm, lo, hi - lo, Comparer<int>.Create((a, b) => Coord(a, axis).CompareTo(Coord(b, axis))));
        _axis[mid] = (byte)axis;
        Build(lo, mid);
        Build(mid + 1, hi);
    }

    /// <summary>
    /// Writes the indices of the min(k, Count) stations nearest to (<paramref name="lon"/>, <paramref name="lat"/>) into
    /// <paramref name="indices"/>, nearest first, and their squared chord distances into <paramref name="dist2"/>; returns the count.
    /// </summary>
    public int Nearest(double lon, double lat, int k, Span<int> indices, Span<double> dist2)
    {
        k = Math.Min(k, Count);
        if (k <= 0) return 0;
        var (qx, qy, qz) = UnitVector(lon, lat);
        var found = 0;
        Search(0, Count, qx, qy, qz, k, indices, dist2, ref found);
        return found;
    }

    private void Search(int lo, int hi, double qx, double qy, double qz, int k, Span<int> idx, Span<double> d2, ref int found)
    {
        while (hi > lo)
        {
            var mid = (lo + hi) >> 1;
            var p = _perm[mid];
            var dx = _x[p] - qx; var dy = _y[p] - qy; var dz = _z[p] - qz;
            Insert(p, dx * dx + dy * dy + dz * dz, k, idx, d2, ref found);
            if (hi - lo == 1) return;
            var axis = _axis[mid];
            var diff = (axis == 0 ? qx : axis == 1 ? qy : qz) - Coord(p, axis);
            int nearLo, nearHi, farLo, farHi;
            if (diff < 0) { nearLo = lo; nearHi = mid; farLo = mid + 1; farHi = hi; }
            else { nearLo = mid + 1; nearHi = hi; farLo = lo; farHi = mid; }
            Search(nearLo, nearHi, qx, qy, qz, k, idx, d2, ref found);
            if (found == k && diff * diff > d2[found - 1]) return;
            lo = farLo; hi = farHi;
        }
    }

    private static void Insert(int p, double dd, int k, Span<int> idx, Span<double> d2, ref int found)
    {
        if (found == k && dd >= d2[found - 1]) return;
        var pos = found < k ? found++ : k - 1;
        while (pos > 0 && d2[pos - 1] > dd)
        {
            d2[pos] = d2[pos - 1];
            idx[pos] = idx[pos - 1];
            pos--;
        }
        d2[pos] = dd;
        idx[pos] = p;
    }
}
