using MathNet.Numerics.LinearAlgebra;
using QuakeGrid.Core.Conditioning;
using QuakeGrid.Core.Geometry;

namespace QuakeGrid.Core.Tests.Conditioning;

/// <summary>
/// Brute-force Gaussian conditioning, written independently of the code under test: the joint covariance of
/// (ln Y at the targets, residuals at the observation rows) under ln Y = mu + tau·H + W (+ e) with an exponential
/// kernel exp(−h/range) and cross-IMT correlation min(T)/max(T) for both parts, conditioned with one dense solve.
/// </summary>
internal static class JointGaussianOracle
{

    public static (double[] Mean, Matrix<double> Cov) Condition(ConditioningStations st, ConditioningTargets tg, double rangeKm, int[] conditioningImts)
    {
        var rows = new List<(int Station, int Imt)>();
        foreach (var k in conditioningImts)
            for (var i = 0; i < st.Count; i++)
                if (!double.IsNaN(st.LnObserved[k][i])) rows.Add((i, k));
        int n = tg.Count, r = rows.Count;
        double Cross(double t1, double t2) => t1 == t2 ? 1.0 : Math.Min(t1, t2) / Math.Max(t1, t2);
        double Rho(double lo1, double la1, double lo2, double la2) => Math.Exp(-Geodesy.DistanceKm(lo1, la1, lo2, la2) / rangeKm);
        var tp = tg.Imt.Period;
        var sl = st.Sites; var ts = tg.Sites;
        var syy = Matrix<double>.Build.Dense(n, n, (a, b) => tg.Tau[a] * tg.Tau[b] + tg.Phi[a] * tg.Phi[b] * Rho(ts.Lon[a], ts.Lat[a], ts.Lon[b], ts.Lat[b]));
        var syz = Matrix<double>.Build.Dense(n, r, (a, q) =>
        {
            var (i, k) = rows[q];
            var c = Cross(tp, st.Imts[k].Period);
            return c * (tg.Tau[a] * st.Tau[k][i] + tg.Phi[a] * st.Phi[k][i] * Rho(ts.Lon[a], ts.Lat[a], sl.Lon[i], sl.Lat[i]));
        });
        var szz = Matrix<double>.Build.Dense(r, r, (p, q) =>
        {
            var (i, k) = rows[p];
            var (j, l) = rows[q];
            var c = Cross(st.Imts[k].Period, st.Imts[l].Period);
            var v = c * (st.Tau[k][i] * st.Tau[l][j] + st.Phi[k][i] * st.Phi[l][j] * Rho(sl.Lon[i], sl.Lat[i], sl.Lon[j], sl.Lat[j]));
            return p == q ? v + st.LnSigma[k][i] * st.LnSigma[k][i] : v;
        });
        var z = Vector<double>.Build.Dense(r, q => st.LnObserved[rows[q].Imt][rows[q].Station] - st.LnMedian[rows[q].Imt][rows[q].Station]);
        var m = syz * szz.Solve(z);
        var cov = syy - syz * szz.Solve(syz.Transpose());
        return (Enumerable.Range(0, n).Select(a => tg.LnMedian[a] + m[a]).ToArray(), cov);
    }
}
