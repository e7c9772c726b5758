namespace QuakeGrid.Core.Conditioning;

/// <summary>
/// Scalable conditioning on stations: the between-event posterior uses all stations (dense, O(R³) once), and each
/// target is kriged on the observation rows of its k nearest stations only (kd-tree query, one k×k Cholesky per
/// target), so the cost is O(N·(log S + k³)) instead of O(N·S²). With k ≥ S it equals <see cref="ExactConditioner"/>.
/// Within-event screening makes the far stations' weights negligible (algorithms.md §2.7, §4).
/// </summary>
public static class ScalableConditioner
{
    /// <summary>Conditional mean and standard deviations of ln Y at every target.</summary>
    public static ConditionedField Condition(ConditioningStations stations, ConditioningTargets targets, ConditioningModel model,
        ScalableConditioningOptions? options = null)
        => Condition(StationSystem.Build(stations, model, targets.Imt), targets, model, options, out _, false);

    /// <summary>As above, also returning the sparse kriging weights used by the Matheron sampler.</summary>
    public static ConditionedField Condition(StationSystem sys, ConditioningTargets targets, ConditioningModel model,
        ScalableConditioningOptions? options, out KrigingWeights? weights, bool keepWeights = true)
    {
        options ??= new ScalableConditioningOptions();
        if (options.NeighbourCount < 1) throw new ArgumentOutOfRangeException(nameof(options), "NeighbourCount must be >= 1");
        if (sys.TargetImt != targets.Imt) throw new ArgumentException($"station system was built for {sys.TargetImt}, targets are {targets.Imt}");
        var st = sys.Stations;
        var n = targets.Count;
        var h = sys.HDimension;

        // Stations that carry at least one row, and their rows (CSR).
        var rowsOfStation = new List<int>[st.Count];
        for (var r = 0; r < sys.RowCount; r++) (rowsOfStation[sys.RowStation[r]] ??= new List<int>()).Add(r);
        var used = Enumerable.Range(0, st.Count).Where(s => rowsOfStation[s] is not null).ToArray();
        var lon = used.Select(s => st.Sites.Lon[s]).ToArray();
        var lat = used.Select(s => st.Sites.Lat[s]).ToArray();
        var index = new StationNeighbourIndex(lon, lat);
        var k = Math.Min(options.NeighbourCount, used.Length);
        var maxRowsPerStation = used.Max(s => rowsOfStation[s]!.Count);
        var maxRows = k * maxRowsPerStation;
        var cdd = sys.CovDD;
        var rtot = sys.RowCount;

        var mean = new double[n];
        var std = new double[n];
        var sw = new double[n];
        var sb = new double[n];
        var counts = new int[n];
        int[]? wRows = keepWeights ? new int[(long)n * maxRows > int.MaxValue ? throw new InvalidOperationException($"{n} targets × {maxRows} weights exceed one array; condition the targets in parts") : n * maxRows] : null;
        double[]? wVal = keepWeights ? new double[n * maxRows] : null;
        double[]? wBetween = keepWeights ? new double[n * h] : null;

        // Targets in cell order; each cell queries its k nearest stations once, at its centre. Within a task, the k×k
        // factor of the previous target is reused while the (sorted) row set is unchanged.
        var cell = options.CellSizeKm ?? AutoCellSize(index, lon, lat, k);
        var grid = new TargetCells(targets.Sites.Lon, targets.Sites.Lat, cell);
        var po = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, n, Math.Max(64, n / 256 + 1)), po,
            () => new Scratch(k, maxRows, h), (range, _, s) =>
        {
            var lastCell = long.MinValue;
            var m = 0;
            for (var p0 = range.Item1; p0 < range.Item2; p0++)
            {
                var j = grid.Order[p0];
                var key = grid.Key[j];
                if (key != lastCell || cell <= 0)
                {
                    var (qLon, qLat) = grid.QueryPoint(j);
                    var found = index.Nearest(qLon, qLat, k, s.Nn, s.D2);
                    m = 0;
                    for (var a = 0; a < found; a++)
                        foreach (var r in rowsOfStation[used[s.Nn[a]]]!) s.Rows[m++] = r;
                    s.Rows.AsSpan(0, m).Sort();
                    lastCell = key;
                }
                var rows = s.Rows.AsSpan(0, m);
                if (m != s.CachedCount || !rows.SequenceEqual(s.CachedRows.AsSpan(0, m)))
                {
                    var a2 = s.A.AsSpan(0, m * m);
                    for (var p = 0; p < m; p++)
                    {
                        var src = cdd.AsSpan(rows[p] * rtot, rtot);
                        for (var q = 0; q < m; q++) a2[p * m + q] = src[rows[q]];
                    }
                    s.CachedPseudo = !LocalSolver.Cholesky(a2, m);
                    if (s.CachedPseudo) LocalSolver.PseudoInverse(cdd, rtot, rows, a2);
                    rows.CopyTo(s.CachedRows);
                    s.CachedCount = m;
                }
                KrigingRow.Covariance(sys, model, targets, j, rows, s.C, s.Stations, s.Tmp);
                var rc = s.Rc.AsSpan(0, m);
                if (s.CachedPseudo)
                {
                    for (var p = 0; p < m; p++) rc[p] = KrigingRow.Dot(s.A.AsSpan(p * m, m), s.C.AsSpan(0, m));
                }
                else
                {
                    s.C.AsSpan(0, m).CopyTo(rc);
                    LocalSolver.CholeskySolve(s.A.AsSpan(0, m * m), m, rc);
                }
                var (mu, vw, vb) = KrigingRow.Moments(sys, targets, j, rows, s.C, rc, s.Cvec);
                mean[j] = mu;
                sw[j] = Math.Sqrt(vw);
                sb[j] = Math.Sqrt(vb);
                std[j] = Math.Sqrt(vw + vb);
                if (wRows is not null)
                {
                    counts[j] = m;
                    rows.CopyTo(wRows.AsSpan(j * maxRows, m));
                    rc.CopyTo(wVal.AsSpan(j * maxRows, m));
                    s.Cvec.AsSpan(0, h).CopyTo(wBetween.AsSpan(j * h, h));
                }
            }
            return s;
        }, _ => { });

        weights = wRows is null ? null : new KrigingWeights(maxRows, counts, wRows, wVal!, wBetween!, h);
        return new ConditionedField(sys, targets, mean, std, sw, sb);
    }

    /// <summary>
    /// A tenth of the median, over stations, of the distance to their k-th nearest station (the typical radius of a
    /// k-station neighbourhood), clamped to [0.05, 10] km: moving the query point by under a cell changes only the
    /// farthest, least weighted neighbours.
    /// </summary>
    private static double AutoCellSize(StationNeighbourIndex index, double[] lon, double[] lat, int k)
    {
        if (lon.Length < 2) return 10.0;
        var kk = Math.Min(k + 1, lon.Length);
        var nn = new int[kk];
        var d2 = new double[kk];
        var d = new double[lon.Length];
        for (var s = 0; s < lon.Length; s++)
        {
            var found = index.Nearest(lon[s], lat[s], kk, nn, d2);
            d[s] = Math.Sqrt(d2[found - 1]) * Geometry.Geodesy.EarthRadiusKm;
        }
        Array.Sort(d);
        return Math.Clamp(0.1 * d[d.Length / 2], 0.05, 10.0);
    }

    private sealed class Scratch(int k, int maxRows, int h)
    {
        public readonly int[] Nn = new int[k];
        public readonly double[] D2 = new double[k];
        public readonly int[] Rows = new int[maxRows];
        public readonly double[] C = new double[maxRows];
        public readonly double[] Tmp = new double[maxRows];
        public readonly int[] Stations = new int[maxRows];
        public readonly double[] Rc = new double[maxRows];
        public readonly double[] A = new double[maxRows * maxRows];
        public readonly double[] Cvec = new double[Math.Max(h, 1)];
        public readonly int[] CachedRows = new int[maxRows];
        public int CachedCount = -1;
        public bool CachedPseudo;
    }
}
