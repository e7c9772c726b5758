using MathNet.Numerics.LinearAlgebra;
using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Conditioning;

/// <summary>
/// The station side of Engler et al. (2022, Appendix B) for one target IMT: the observation rows (station, conditioning
/// IMT), residuals zeta_D = ln y_D − mu_D, the within-event covariance
/// C_DD = diag(phi_D)·R_DD·diag(phi_D) + diag(v_D) and its (pseudo-)inverse, the between-event design T_D, and the
/// posterior of the normalised between-event term H (eqs. B8–B9):
/// Cov_H = (T_Dᵀ C_DD⁻¹ T_D + Corr_HH⁻¹)⁻¹, mu_H = Cov_H T_Dᵀ C_DD⁻¹ zeta_D, bias mu_B = T_D mu_H.
/// With native data H has one component (the target IMT); otherwise H = (H_target, H_c1[, H_c2]) over the bracketed
/// IMTs with the between-event cross-IMT correlation Corr_HH, and the target rows of T_D are zero.
/// </summary>
public sealed class StationSystem
{
    private StationSystem() { }

    public Imt TargetImt { get; private init; }
    /// <summary>Observed IMTs that condition the target (the target itself for native data, else the bracketing ones).</summary>
    public IReadOnlyList<Imt> ConditioningImts { get; private init; } = Array.Empty<Imt>();
    /// <summary>Components of H: [target] when native, else [target, conditioning IMTs...].</summary>
    public IReadOnlyList<Imt> BracketedImts { get; private init; } = Array.Empty<Imt>();
    public bool Native { get; private init; }
    public ConditioningStations Stations { get; private init; } = null!;

    /// <summary>Station index of each observation row.</summary>
    public int[] RowStation { get; private init; } = Array.Empty<int>();
    /// <summary>Index into <see cref="ConditioningImts"/> of each observation row.</summary>
    public int[] RowImt { get; private init; } = Array.Empty<int>();
    /// <summary>Raw residual zeta_D per row, ln units.</summary>
    public double[] Zeta { get; private init; } = Array.Empty<double>();
    /// <summary>Observation variance addon v_D per row (ln sigma squared).</summary>
    public double[] VarAddon { get; private init; } = Array.Empty<double>();
    public double[] PhiD { get; private init; } = Array.Empty<double>();
    public double[] TauD { get; private init; } = Array.Empty<double>();
    /// <summary>H component (0-based into <see cref="BracketedImts"/>) each row's tau multiplies.</summary>
    public int[] RowHComponent { get; private init; } = Array.Empty<int>();

    /// <summary>C_DD, rows × rows.</summary>
    public Matrix<double> CovDD { get; private init; } = null!;
    /// <summary>C_DD⁻¹ (pseudo-inverse when C_DD is singular).</summary>
    public Matrix<double> CovDDInverse { get; private init; } = null!;
    public bool UsedPseudoInverse { get; private init; }
    /// <summary>Posterior covariance of H.</summary>
    public Matrix<double> CovH { get; private init; } = null!;
    /// <summary>Posterior mean of H.</summary>
    public double[] MuH { get; private init; } = Array.Empty<double>();
    /// <summary>Between-event bias at each row, mu_B = T_D mu_H.</summary>
    public double[] MuB { get; private init; } = Array.Empty<double>();
    /// <summary>alpha = C_DD⁻¹ (zeta_D − mu_B): the exact kriging mean at a target is c_YD · alpha.</summary>
    public double[] Alpha { get; private init; } = Array.Empty<double>();

    public int RowCount => Zeta.Length;
    public int HDimension => BracketedImts.Count;
    /// <summary>Nominal bias: mean of mu_B over rows (ShakeMap's single-number event bias).</summary>
    public double NominalBias => MuB.Length == 0 ? 0.0 : MuB.Average();

    /// <summary>Builds the station system that conditions <paramref name="targetImt"/>.</summary>
    public static StationSystem Build(ConditioningStations stations, ConditioningModel model, Imt targetImt)
    {
        var observed = stations.Imts.Where(stations.HasObservations).ToList();
        var cond = ImtBracketing.ConditioningImts(targetImt, observed);
        var native = cond.Count == 1 && cond[0] == targetImt;
        var bracketed = native ? (IReadOnlyList<Imt>)new[] { targetImt } : new[] { targetImt }.Concat(cond).ToArray();

        var rowS = new List<int>();
        var rowM = new List<int>();
        for (var m = 0; m < cond.Count; m++)
        {
            var k = stations.IndexOf(cond[m]);
            var obs = stations.LnObserved[k];
            for (var s = 0; s < stations.Count; s++)
                if (!double.IsNaN(obs[s])) { rowS.Add(s); rowM.Add(m); }
        }
        var r = rowS.Count;
        var zeta = new double[r];
        var v = new double[r];
        var phi = new double[r];
        var tau = new double[r];
        var hc = new int[r];
        for (var q = 0; q < r; q++)
        {
            var k = stations.IndexOf(cond[rowM[q]]);
            var s = rowS[q];
            zeta[q] = stations.LnObserved[k][s] - stations.LnMedian[k][s];
            v[q] = stations.LnSigma[k][s] * stations.LnSigma[k][s];
            phi[q] = stations.Phi[k][s];
            tau[q] = stations.Tau[k][s];
            hc[q] = native ? 0 : 1 + rowM[q];
        }

        var sites = stations.Sites;
        var cdd = Matrix<double>.Build.Dense(r, r);
        for (var a = 0; a < r; a++)
        {
            for (var b = 0; b <= a; b++)
            {
                var rho = a == b && rowM[a] == rowM[b] ? 1.0
                    : model.WithinRho(cond[rowM[a]], sites, rowS[a], cond[rowM[b]], sites, rowS[b]);
                var c = phi[a] * rho * phi[b];
                cdd[a, b] = c;
                cdd[b, a] = c;
            }
            cdd[a, a] += v[a];
        }
        var cinv = SymmetricInverse.Invert(cdd, out var pseudo);

        // Between-event posterior (Engler et al. 2022, eqs. B8, B9).
        var h = bracketed.Count;
        var corrHH = Matrix<double>.Build.Dense(h, h);
        for (var i = 0; i < h; i++)
            for (var j = 0; j < h; j++)
                corrHH[i, j] = i == j ? 1.0 : model.CrossBetween(bracketed[i], bracketed[j]);
        var t = Matrix<double>.Build.Dense(r, h);
        for (var q = 0; q < r; q++) t[q, hc[q]] = tau[q];
        var tTcinv = t.TransposeThisAndMultiply(cinv); // h × r
        var precision = tTcinv * t + SymmetricInverse.Invert(corrHH, out _);
        var covH = SymmetricInverse.Invert(precision, out _);
        var zv = Vector<double>.Build.DenseOfArray(zeta);
        var muH = covH * (tTcinv * zv);
        var muB = t * muH;
        var alpha = cinv * (zv - muB);

        return new StationSystem
        {
            TargetImt = targetImt, ConditioningImts = cond, BracketedImts = bracketed, Native = native, Stations = stations,
            RowStation = rowS.ToArray(), RowImt = rowM.ToArray(), Zeta = zeta, VarAddon = v, PhiD = phi, TauD = tau, RowHComponent = hc,
            CovDD = cdd, CovDDInverse = cinv, UsedPseudoInverse = pseudo, CovH = covH, MuH = muH.ToArray(), MuB = muB.ToArray(),
            Alpha = alpha.ToArray(),
        };
    }
}
