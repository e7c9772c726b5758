namespace QuakeGrid.Core.Conditioning;

/// <summary>
/// Exact (dense) conditioning on stations, Engler et al. (2022) Appendix B / ShakeMap 4.1 as OpenQuake's
/// <c>conditioned_gmfs</c>: every target is kriged on all observation rows with the full C_DD⁻¹.
/// Cost O(R³) once (R observation rows) plus O(R²) per target. The reference that the scalable mode is tested against.
/// </summary>
public static class ExactConditioner
{
    /// <summary>Conditional mean and standard deviations of ln Y at every target.</summary>
    public static ConditionedField Condition(ConditioningStations stations, ConditioningTargets targets, ConditioningModel model)
    {
        var sys = StationSystem.Build(stations, model, targets.Imt);
        return Condition(sys, targets, model);
    }

    /// <summary>As <see cref="Condition(ConditioningStations, ConditioningTargets, ConditioningModel)"/> with a prepared station system.</summary>
    public static ConditionedField Condition(StationSystem sys, ConditioningTargets targets, ConditioningModel model)
        => Condition(sys, targets, model, out _, false);

    /// <summary>
    /// As above; with <paramref name="keepWeights"/> also returns the dense regression coefficients RC = C_YD C_DD⁻¹
    /// (every target on every row) for exact conditional sampling.
    /// </summary>
    public static ConditionedField Condition(StationSystem sys, ConditioningTargets targets, ConditioningModel model,
        out KrigingWeights? weights, bool keepWeights = true)
    {
        if (sys.TargetImt != targets.Imt) throw new ArgumentException($"station system was built for {sys.TargetImt}, targets are {targets.Imt}");
        var n = targets.Count;
        var r = sys.RowCount;
        var cinv = sys.CovDDInverse();
        var rows = Enumerable.Range(0, r).ToArray();
        var mean = new double[n];
        var std = new double[n];
        var sw = new double[n];
        var sb = new double[n];
        var h = sys.HDimension;
        double[]? rcAll = keepWeights ? new double[(long)n * r] : null;
        double[]? between = keepWeights ? new double[n * h] : null;
        Parallel.For(0, n, () => new Scratch(r, sys.HDimension), (j, _, s) =>
        {
            KrigingRow.Covariance(sys, model, targets, j, rows, s.C, s.Stations, s.Tmp);
            for (var q = 0; q < r; q++) s.Rc[q] = KrigingRow.Dot(cinv.AsSpan(q * r, r), s.C);
            var (m, vw, vb) = KrigingRow.Moments(sys, targets, j, rows, s.C, s.Rc, s.Cvec);
            mean[j] = m;
            sw[j] = Math.Sqrt(vw);
            sb[j] = Math.Sqrt(vb);
            std[j] = Math.Sqrt(vw + vb);
            if (rcAll is not null)
            {
                s.Rc.AsSpan(0, r).CopyTo(rcAll.AsSpan(j * r, r));
                s.Cvec.AsSpan(0, h).CopyTo(between.AsSpan(j * h, h));
            }
            return s;
        }, _ => { });
        weights = rcAll is null ? null : new KrigingWeights(r, Enumerable.Repeat(r, n).ToArray(), null, rcAll, between!, h);
        return new ConditionedField(sys, targets, mean, std, sw, sb);
    }

    private sealed class Scratch(int r, int h)
    {
        public readonly double[] C = new double[r];
        public readonly double[] Rc = new double[r];
        public readonly double[] Tmp = new double[r];
        public readonly int[] Stations = new int[r];
        public readonly double[] Cvec = new double[Math.Max(h, 1)];
    }
}
