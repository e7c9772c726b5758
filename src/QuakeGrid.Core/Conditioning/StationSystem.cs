using MathNet.Numerics.LinearAlgebra;
using QuakeGrid.Core.Gp.Dense;
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

    /// <summary>C_DD, rows × rows, row-major.</summary>
    public double[] CovDD { get; private init; } = Array.Empty<double>();
    /// <summary>True when C_DD was singular and its Moore–Penrose pseudo-inverse is used (as OpenQuake's pinv).</summary>
    public bool UsedPseudoInverse => _pinv is not null;
    private double[]? _cholesky;   // lower factor of C_DD (row-major) when positive definite
    private double[]? _pinv;       // pseudo-inverse otherwise
    private double[]? _inverse;    // explicit C_DD⁻¹, built on first use by the exact mode
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
        var cdd = new double[(long)r * r];
        for (var a = 0; a < r; a++)
        {
            for (var b = 0; b <= a; b++)
            {
                var rho = a == b && rowM[a] == rowM[b] ? 1.0
                    : model.WithinRho(cond[rowM[a]], sites, rowS[a], cond[rowM[b]], sites, rowS[b]);
                var c = phi[a] * rho * phi[b];
                cdd[a * r + b] = c;
                cdd[b * r + a] = c;
            }
            cdd[a * r + a] += v[a];
        }
        var (chol, pinv) = Factor(cdd, r);

        // Between-event posterior (Engler et al. 2022, eqs. B8, B9).
        var h = bracketed.Count;
        var corrHH = Matrix<double>.Build.Dense(h, h);
        for (var i = 0; i < h; i++)
            for (var j = 0; j < h; j++)
                corrHH[i, j] = i == j ? 1.0 : model.CrossBetween(bracketed[i], bracketed[j]);
        // C_DD⁻¹ [T_D | zeta] in one solve with h + 1 right-hand sides.
        var rhs = new double[(long)r * (h + 1)];
        for (var q = 0; q < r; q++)
        {
            rhs[q * (h + 1) + hc[q]] = tau[q];
            rhs[q * (h + 1) + h] = zeta[q];
        }
        var sol = Solve(chol, pinv, r, rhs, h + 1);
        var tCt = Matrix<double>.Build.Dense(h, h);
        var tCz = Vector<double>.Build.Dense(h);
        for (var q = 0; q < r; q++)
        {
            for (var b = 0; b < h; b++) tCt[hc[q], b] += tau[q] * sol[q * (h + 1) + b];
            tCz[hc[q]] += tau[q] * sol[q * (h + 1) + h];
        }
        var precision = tCt + SymmetricInverse.Invert(corrHH, out _);
        var covH = SymmetricInverse.Invert(precision, out _);
        var muH = covH * tCz;
        var muB = new double[r];
        for (var q = 0; q < r; q++) muB[q] = tau[q] * muH[hc[q]];
        var resid = new double[r];
        for (var q = 0; q < r; q++) resid[q] = zeta[q] - muB[q];
        var alpha = Solve(chol, pinv, r, resid, 1);

        return new StationSystem
        {
            TargetImt = targetImt, ConditioningImts = cond, BracketedImts = bracketed, Native = native, Stations = stations,
            RowStation = rowS.ToArray(), RowImt = rowM.ToArray(), Zeta = zeta, VarAddon = v, PhiD = phi, TauD = tau, RowHComponent = hc,
            CovDD = cdd, _cholesky = chol, _pinv = pinv, CovH = covH, MuH = muH.ToArray(), MuB = muB, Alpha = alpha,
        };
    }

    /// <summary>Explicit C_DD⁻¹ (pseudo-inverse when singular), row-major; computed once on first use.</summary>
    public double[] CovDDInverse()
    {
        if (_inverse is not null) return _inverse;
        var r = RowCount;
        if (_pinv is not null) return _inverse = _pinv;
        var id = new double[(long)r * r];
        for (var q = 0; q < r; q++) id[q * r + q] = 1.0;
        return _inverse = Solve(_cholesky, null, r, id, r);
    }

    /// <summary>
    /// Cholesky factor of C_DD (blocked SIMD, <see cref="DenseCholesky"/>) when it is safely positive definite (every pivot above
    /// 1e-10 × the largest diagonal); otherwise its pseudo-inverse (<see cref="SymmetricInverse.PseudoInverse"/>).
    /// </summary>
    private static (double[]? Chol, double[]? Pinv) Factor(double[] cdd, int r)
    {
        if (r == 0) return (Array.Empty<double>(), null);
        var maxDiag = 0.0;
        for (var q = 0; q < r; q++) maxDiag = Math.Max(maxDiag, cdd[q * r + q]);
        var l = (double[])cdd.Clone();
        try
        {
            DenseCholesky.FactorInPlace(l, r);
            var ok = true;
            for (var q = 0; q < r && ok; q++) ok = l[q * r + q] * l[q * r + q] > 1e-10 * maxDiag;
            if (ok) return (l, null);
        }
        catch (InvalidOperationException)
        {
            // not numerically positive definite: pseudo-inverse below
        }
        var m = Matrix<double>.Build.Dense(r, r, (a, b) => cdd[a * r + b]);
        return (null, SymmetricInverse.PseudoInverse(m).ToRowMajorArray());
    }

    /// <summary>C_DD⁺ B for B row-major r × <paramref name="nrhs"/> (a new array).</summary>
    private static double[] Solve(double[]? chol, double[]? pinv, int r, double[] b, int nrhs)
    {
        if (chol is not null)
        {
            var x = (double[])b.Clone();
            TriangularSolve.Lower(chol, r, x, nrhs);
            TriangularSolve.LowerTransposed(chol, r, x, nrhs);
            return x;
        }
        var y = new double[b.Length];
        for (var a = 0; a < r; a++)
            for (var q = 0; q < r; q++)
            {
                var p = pinv![a * r + q];
                if (p == 0) continue;
                for (var c = 0; c < nrhs; c++) y[a * nrhs + c] += p * b[q * nrhs + c];
            }
        return y;
    }
}
