using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Gp.Dense;
using QuakeGrid.Core.Random;

namespace QuakeGrid.Core.Conditioning;

/// <summary>
/// Conditional ground-motion fields by the pathwise (Matheron) update (algorithms.md §4; Wilson et al. 2020):
/// draw an unconditional within-event field W* over targets and stations (one copy per conditioning IMT) with the same
/// kernel as the kriging, observation noise e* ~ N(0, v_D) and a between-event draw δ ~ N(0, Cov_H); then
/// <c>ln Y_j = mean_j + C_j·δ + W*_j − Σ_q RC_jq (W*_q + e*_q)</c>, with RC the kriging weights of target j and
/// C_j = tau_j e₀ − T_Dᵀ RC_j. With the dense RC and an exact unconditional sampler the fields are exactly
/// N(mean, Cov_W + Cov_B) (Engler et al. 2022); with the k-nearest-station RC and the Vecchia sampler, approximately.
/// Each field depends only on (job seed, event id, IMT): streams "cond-within", "cond-noise" and "cond-between".
/// </summary>
public static class ConditionalSampler
{
    /// <summary>
    /// <paramref name="count"/> conditional fields of ln Y (ln g; ln cm/s for PGV) at the targets, row-major n×E
    /// (target j, field e at j·E + e); field e belongs to event <paramref name="firstEventId"/> + e.
    /// </summary>
    public static double[] Sample(ConditionedField field, KrigingWeights weights, ConditioningModel model, IFieldSampler sampler,
        ulong jobSeed, long firstEventId, int count, int maxParallelism = -1)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count));
        var sys = field.Stations;
        var targets = field.Targets;
        var n = targets.Count;
        var h = sys.HDimension;
        if (weights.TargetCount != n || weights.HDimension != h) throw new ArgumentException("weights do not belong to this field");
        var imtTag = targets.Imt.ToString();

        // 1. Unconditional within-event field (unit variance) over targets + stations.
        var seeds = new ulong[count];
        for (var e = 0; e < count; e++) seeds[e] = SeedDerivation.Derive(jobSeed, firstEventId + e, "cond-within:" + imtTag);
        CorrelationSites joint;
        ISpatialCorrelation kernel;
        Func<int, int> siteOfRow;
        if (sys.Native)
        {
            joint = Concat(targets.Sites, sys.Stations.Sites);
            kernel = model.Spatial(targets.Imt);
            siteOfRow = q => n + sys.RowStation[q];
        }
        else
        {
            var multi = new MultiImtSites(model, targets.Sites, targets.Imt, sys.Stations.Sites, sys.ConditioningImts);
            joint = multi.Sites;
            kernel = multi;
            siteOfRow = q => multi.StationIndex(sys.RowImt[q], sys.RowStation[q]);
        }
        var eps = sampler.Sample(joint, kernel, seeds);
        if (eps.Length != (long)joint.Count * count) throw new InvalidOperationException("field sampler returned the wrong number of values");

        // 2. Station-side perturbation d_q = phi_q eps_q + sqrt(v_q) z_q, rows × E.
        var r = sys.RowCount;
        var d = new double[(long)r * count];
        for (var e = 0; e < count; e++)
        {
            var noise = new Xoshiro256StarStar(SeedDerivation.Derive(jobSeed, firstEventId + e, "cond-noise:" + imtTag));
            for (var q = 0; q < r; q++)
            {
                var z = noise.NextStandardNormal();
                d[(long)q * count + e] = sys.PhiD[q] * eps[(long)siteOfRow(q) * count + e] + Math.Sqrt(sys.VarAddon[q]) * z;
            }
        }

        // 3. Between-event draws delta_e = L_H z (Cov_H = L_H L_Hᵀ), h × E.
        var lh = SmallCholesky(sys);
        var delta = new double[h * count];
        Span<double> zh = stackalloc double[h];
        for (var e = 0; e < count; e++)
        {
            var g = new Xoshiro256StarStar(SeedDerivation.Derive(jobSeed, firstEventId + e, "cond-between:" + imtTag));
            for (var a = 0; a < h; a++) zh[a] = g.NextStandardNormal();
            for (var a = 0; a < h; a++)
            {
                var s = 0.0;
                for (var b = 0; b <= a; b++) s += lh[a * h + b] * zh[b];
                delta[a * count + e] = s;
            }
        }

        // 4. Matheron update per target.
        var y = GC.AllocateUninitializedArray<double>(checked(n * count));
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, j =>
        {
            var row = y.AsSpan((int)((long)j * count), count);
            var phi = targets.Phi[j];
            var ej = eps.AsSpan((int)((long)j * count), count);
            row.Fill(field.MeanLn[j]);
            VectorMath.Axpy(phi, ej, row);
            for (var a = 0; a < h; a++)
            {
                var c = weights.Between[j * h + a];
                if (c != 0) VectorMath.Axpy(c, delta.AsSpan(a * count, count), row);
            }
            for (var q = 0; q < weights.Count[j]; q++)
            {
                var w = weights.Weight(j, q);
                if (w != 0) VectorMath.Axpy(-w, d.AsSpan((int)((long)weights.Row(j, q) * count), count), row);
            }
        });
        return y;
    }

    /// <summary>Lower Cholesky factor of Cov_H (h ≤ 3), tolerating a zero pivot (a perfectly determined component).</summary>
    private static double[] SmallCholesky(StationSystem sys)
    {
        var h = sys.HDimension;
        var l = new double[h * h];
        for (var j = 0; j < h; j++)
        {
            var s = sys.CovH[j, j];
            for (var k = 0; k < j; k++) s -= l[j * h + k] * l[j * h + k];
            var piv = s > 0 ? Math.Sqrt(s) : 0.0;
            l[j * h + j] = piv;
            for (var i = j + 1; i < h; i++)
            {
                var t = sys.CovH[i, j];
                for (var k = 0; k < j; k++) t -= l[i * h + k] * l[j * h + k];
                l[i * h + j] = piv > 0 ? t / piv : 0.0;
            }
        }
        return l;
    }

    private static CorrelationSites Concat(CorrelationSites a, CorrelationSites b)
    {
        double[] Cat(double[] x, double[] y, int nx, int ny) => x.Length == nx && y.Length == ny ? x.Concat(y).ToArray() : Array.Empty<double>();
        return new CorrelationSites(Cat(a.Lon, b.Lon, a.Count, b.Count), Cat(a.Lat, b.Lat, a.Count, b.Count), Cat(a.X, b.X, a.Count, b.Count),
            Cat(a.Y, b.Y, a.Count, b.Count), Cat(a.Vs30, b.Vs30, a.Count, b.Count), Cat(a.EpiDistance, b.EpiDistance, a.Count, b.Count),
            Cat(a.EpiAzimuth, b.EpiAzimuth, a.Count, b.Count));
    }
}
