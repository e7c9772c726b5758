using System.Runtime.CompilerServices;
using QuakeGrid.Core.Inference.Data;

namespace QuakeGrid.Core.Inference.Likelihood;

/// <summary>
/// The E, EA and EAS kernels of Bodenmann, Baker &amp; Stojadinović (2023, Eqs. 8–10), differentiable with respect to
/// the unconstrained coordinates of <see cref="KernelParameters"/>:
/// ρ_E = exp(−(d_E/LE)^γ), ρ_A = (1 + d_A/LA)(1 − d_A/180)^(180/LA), ρ_S = exp(−d_S/LS);
/// E = ρ_E, EA = ρ_E ρ_A, EAS = ρ_E (w ρ_A + (1 − w) ρ_S). With m = 180/LA = 4 + L the angular term is
/// ρ_A = (1 + m a)(1 − a)^m, a = d_A/180.
/// </summary>
public sealed class BodenmannKernel
{
    private readonly double _lnLE, _gamma, _dGammaDq, _m, _dMDq, _ls, _w, _dWDq;

    /// <summary>Prepares the kernel at unconstrained coordinates <paramref name="q"/> of <paramref name="kind"/>.</summary>
    public BodenmannKernel(CorrelationModelKind kind, ReadOnlySpan<double> q)
    {
        Kind = kind;
        ParameterCount = CorrelationModels.ParameterCount(kind);
        if (q.Length != ParameterCount) throw new ArgumentException($"model {kind} needs {ParameterCount} coordinates");
        _lnLE = q[0];
        var g = KernelParameters.Sigmoid(q[1]);
        _gamma = 2 * g;
        _dGammaDq = 2 * g * (1 - g);
        if (ParameterCount > 2) { var l = Math.Exp(q[2]); _m = 4 + l; _dMDq = l; }
        if (ParameterCount > 3) { _ls = Math.Exp(q[3]); _w = KernelParameters.Sigmoid(q[4]); _dWDq = _w * (1 - _w); }
        Parameters = KernelParameters.FromUnconstrained(kind, q);
    }

    /// <summary>Model.</summary>
    public CorrelationModelKind Kind { get; }
    /// <summary>Number of hyperparameters.</summary>
    public int ParameterCount { get; }
    /// <summary>Natural parameter values.</summary>
    public KernelParameters Parameters { get; }

    /// <summary>Correlation of pair <paramref name="p"/> of <paramref name="ev"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Value(EventResiduals ev, int p)
    {
        var rhoE = RhoE(ev.LnDistanceE[p], out _);
        if (Kind == CorrelationModelKind.E) return rhoE;
        var rhoA = RhoA(ev.AngleFraction[p], ev.LnOneMinusAngleFraction[p], out _);
        if (Kind == CorrelationModelKind.EA) return rhoE * rhoA;
        var rhoS = Math.Exp(-ev.DistanceS[p] / _ls);
        return rhoE * (_w * rhoA + (1 - _w) * rhoS);
    }

    /// <summary>
    /// Correlation of pair <paramref name="p"/> and its derivatives with respect to the unconstrained coordinates,
    /// written into <paramref name="d"/> (length <see cref="ParameterCount"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double ValueAndGradient(EventResiduals ev, int p, Span<double> d)
    {
        var lnd = ev.LnDistanceE[p];
        var rhoE = RhoE(lnd, out var u);
        // ∂ρE/∂q0 = ρE u γ ; ∂ρE/∂q1 = −ρE u (ln d − ln LE) ∂γ/∂q1  (u = 0 when d = 0).
        var dE0 = u > 0 ? rhoE * u * _gamma : 0.0;
        var dE1 = u > 0 ? -rhoE * u * (lnd - _lnLE) * _dGammaDq : 0.0;
        if (Kind == CorrelationModelKind.E)
        {
            d[0] = dE0; d[1] = dE1;
            return rhoE;
        }
        var rhoA = RhoA(ev.AngleFraction[p], ev.LnOneMinusAngleFraction[p], out var dRhoADm);
        if (Kind == CorrelationModelKind.EA)
        {
            d[0] = dE0 * rhoA; d[1] = dE1 * rhoA; d[2] = rhoE * dRhoADm * _dMDq;
            return rhoE * rhoA;
        }
        var ds = ev.DistanceS[p];
        var rhoS = Math.Exp(-ds / _ls);
        var c = _w * rhoA + (1 - _w) * rhoS;
        d[0] = dE0 * c;
        d[1] = dE1 * c;
        d[2] = rhoE * _w * dRhoADm * _dMDq;
        d[3] = rhoE * (1 - _w) * rhoS * ds / _ls;
        d[4] = rhoE * (rhoA - rhoS) * _dWDq;
        return rhoE * c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double RhoE(double lnd, out double u)
    {
        u = double.IsNegativeInfinity(lnd) ? 0.0 : Math.Exp(_gamma * (lnd - _lnLE));
        return Math.Exp(-u);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double RhoA(double a, double lnOneMinusA, out double dDm)
    {
        if (double.IsNegativeInfinity(lnOneMinusA)) { dDm = 0; return 0; }
        var pw = Math.Exp(_m * lnOneMinusA);
        var rho = (1 + _m * a) * pw;
        dDm = a * pw + rho * lnOneMinusA;
        return rho;
    }
}
