using System.Numerics;
using System.Runtime.InteropServices;
using QuakeGrid.Core.Correlation;

namespace QuakeGrid.Core.Conditioning;

/// <summary>
/// Per-target kriging of Engler et al. (2022, Appendix B) given the covariance vector c = C_{y,D'} between one
/// target and a set D' of observation rows and the (pseudo-)inverse of C_{D'D'}:
/// RC = C_{D'D'}⁻¹ c; mean = mu_y + tau_y·mu_H[0] + RC·(zeta − mu_B); Var_W = phi_y² − RC·c;
/// C = tau_y·e₀ − T_{D'}ᵀ RC; Var_B = C Cov_H Cᵀ (both clipped at 0, as OpenQuake does).
/// Exact mode uses all rows; scalable mode the rows of the k nearest stations.
/// </summary>
internal static class KrigingRow
{
    /// <summary>Within-event covariance between target <paramref name="j"/> and the given rows, into <paramref name="c"/>.</summary>
    public static void Covariance(StationSystem sys, ConditioningModel model, ConditioningTargets targets, int j,
        ReadOnlySpan<int> rows, Span<double> c, Span<int> stationScratch, Span<double> scratch)
    {
        var n = rows.Length;
        var st = stationScratch[..n];
        for (var q = 0; q < n; q++) st[q] = sys.RowStation[rows[q]];
        var tImt = targets.Imt;
        var tk = model.Spatial(tImt);
        tk.Row(targets.Sites, j, sys.Stations.Sites, st, c[..n]);
        if (!sys.Native)
        {
            var tmp = scratch[..n];
            for (var m = 0; m < sys.ConditioningImts.Count; m++)
            {
                var cImt = sys.ConditioningImts[m];
                model.Spatial(cImt).Row(targets.Sites, j, sys.Stations.Sites, st, tmp);
                var cross = model.CrossWithin(tImt, cImt);
                for (var q = 0; q < n; q++)
                    if (sys.RowImt[rows[q]] == m) c[q] = Math.Max(c[q], tmp[q]) * cross;
            }
        }
        var phiY = targets.Phi[j];
        for (var q = 0; q < n; q++) c[q] *= phiY * sys.PhiD[rows[q]];
    }

    /// <summary>Mean and the two variances at target <paramref name="j"/> from its regression coefficients <paramref name="rc"/>.</summary>
    public static (double Mean, double VarW, double VarB) Moments(StationSystem sys, ConditioningTargets targets, int j,
        ReadOnlySpan<int> rows, ReadOnlySpan<double> c, ReadOnlySpan<double> rc, Span<double> cvec)
    {
        var n = rows.Length;
        var tau = targets.Tau[j];
        var phi = targets.Phi[j];
        var mean = targets.LnMedian[j] + tau * sys.MuH[0];
        var rcc = 0.0;
        var h = sys.HDimension;
        cvec[..h].Clear();
        cvec[0] = tau;
        for (var q = 0; q < n; q++)
        {
            var r = rows[q];
            mean += rc[q] * (sys.Zeta[r] - sys.MuB[r]);
            rcc += rc[q] * c[q];
            cvec[sys.RowHComponent[r]] -= rc[q] * sys.TauD[r];
        }
        var varW = Math.Max(0.0, phi * phi - rcc);
        var varB = 0.0;
        for (var a = 0; a < h; a++)
            for (var b = 0; b < h; b++)
                varB += cvec[a] * sys.CovH[a, b] * cvec[b];
        return (mean, varW, Math.Max(0.0, varB));
    }

    /// <summary>Dot product with <see cref="Vector{T}"/> SIMD.</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var n = a.Length;
        var i = 0;
        var acc = Vector<double>.Zero;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b[..n]);
            for (var k = 0; k < va.Length; k++) acc += va[k] * vb[k];
            i = va.Length * Vector<double>.Count;
        }
        var s = Vector.Dot(acc, Vector<double>.One);
        for (; i < n; i++) s += a[i] * b[i];
        return s;
    }
}
