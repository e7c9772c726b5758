using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
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

    /// <summary>
    /// Correlations of the <paramref name="count"/> consecutive pairs starting at packed pair index
    /// <paramref name="start"/> into <paramref name="values"/>; when <paramref name="derivatives"/> is non-empty,
    /// ∂ρ/∂q_k of pair p is written to derivatives[k·<paramref name="stride"/> + p] (structure of arrays).
    /// Eight pairs at a time with <see cref="Vector512"/> where the CPU has it, then four with <see cref="Vector256"/>
    /// (<see cref="Vector256.Exp(Vector256{double})"/>, within ~1e-15 relative of <see cref="Math.Exp"/>), then one
    /// by one; the same formulas as <see cref="ValueAndGradient"/>.
    /// </summary>
    public void FillRange(EventResiduals ev, int start, int count, Span<double> values, Span<double> derivatives, int stride)
    {
        var withGrad = !derivatives.IsEmpty;
        var t = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var negInf = Vector512.Create(double.NegativeInfinity);
            var zero = Vector512<double>.Zero;
            var one = Vector512.Create(1.0);
            var lnLE = Vector512.Create(_lnLE);
            var gamma = Vector512.Create(_gamma);
            var dGamma = Vector512.Create(_dGammaDq);
            var m = Vector512.Create(_m);
            var dM = Vector512.Create(_dMDq);
            var invLs = Vector512.Create(1.0 / _ls);
            var w = Vector512.Create(_w);
            var oneMinusW = Vector512.Create(1 - _w);
            var dW = Vector512.Create(_dWDq);
            var lnDs = ev.LnDistanceE.AsSpan(start, count);
            var af = ev.AngleFraction.AsSpan(start, count);
            var l1a = ev.LnOneMinusAngleFraction.AsSpan(start, count);
            var dss = ev.DistanceS.AsSpan(start, count);
            for (; t + 8 <= count; t += 8)
            {
                var lnd = Vector512.Create(lnDs.Slice(t, 8));
                var coincident = Vector512.Equals(lnd, negInf);
                var x = lnd - lnLE;
                var u = Vector512.ConditionalSelect(coincident, zero, Vector512.Exp(gamma * x));
                var rhoE = Vector512.Exp(-u);
                if (Kind == CorrelationModelKind.E)
                {
                    rhoE.CopyTo(values.Slice(t, 8));
                    if (withGrad)
                    {
                        (rhoE * u * gamma).CopyTo(derivatives.Slice(start + t, 8));
                        Vector512.ConditionalSelect(coincident, zero, -rhoE * u * x * dGamma).CopyTo(derivatives.Slice(stride + start + t, 8));
                    }
                    continue;
                }
                var a = Vector512.Create(af.Slice(t, 8));
                var la = Vector512.Create(l1a.Slice(t, 8));
                var opposite = Vector512.Equals(la, negInf);
                var pw = Vector512.ConditionalSelect(opposite, zero, Vector512.Exp(m * la));
                var rhoA = (one + m * a) * pw;
                var dE0 = rhoE * u * gamma;
                var dE1 = Vector512.ConditionalSelect(coincident, zero, -rhoE * u * x * dGamma);
                if (Kind == CorrelationModelKind.EA)
                {
                    (rhoE * rhoA).CopyTo(values.Slice(t, 8));
                    if (withGrad)
                    {
                        var dDm = Vector512.ConditionalSelect(opposite, zero, a * pw + rhoA * la);
                        (dE0 * rhoA).CopyTo(derivatives.Slice(start + t, 8));
                        (dE1 * rhoA).CopyTo(derivatives.Slice(stride + start + t, 8));
                        (rhoE * dDm * dM).CopyTo(derivatives.Slice(2 * stride + start + t, 8));
                    }
                    continue;
                }
                var ds = Vector512.Create(dss.Slice(t, 8));
                var rhoS = Vector512.Exp(-ds * invLs);
                var c = w * rhoA + oneMinusW * rhoS;
                (rhoE * c).CopyTo(values.Slice(t, 8));
                if (withGrad)
                {
                    var dDm = Vector512.ConditionalSelect(opposite, zero, a * pw + rhoA * la);
                    (dE0 * c).CopyTo(derivatives.Slice(start + t, 8));
                    (dE1 * c).CopyTo(derivatives.Slice(stride + start + t, 8));
                    (rhoE * w * dDm * dM).CopyTo(derivatives.Slice(2 * stride + start + t, 8));
                    (rhoE * oneMinusW * rhoS * ds * invLs).CopyTo(derivatives.Slice(3 * stride + start + t, 8));
                    (rhoE * (rhoA - rhoS) * dW).CopyTo(derivatives.Slice(4 * stride + start + t, 8));
                }
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            var negInf = Vector256.Create(double.NegativeInfinity);
            var zero = Vector256<double>.Zero;
            var one = Vector256.Create(1.0);
            var lnLE = Vector256.Create(_lnLE);
            var gamma = Vector256.Create(_gamma);
            var dGamma = Vector256.Create(_dGammaDq);
            var m = Vector256.Create(_m);
            var dM = Vector256.Create(_dMDq);
            var invLs = Vector256.Create(1.0 / _ls);
            var w = Vector256.Create(_w);
            var oneMinusW = Vector256.Create(1 - _w);
            var dW = Vector256.Create(_dWDq);
            var lnDs = ev.LnDistanceE.AsSpan(start, count);
            var af = ev.AngleFraction.AsSpan(start, count);
            var l1a = ev.LnOneMinusAngleFraction.AsSpan(start, count);
            var dss = ev.DistanceS.AsSpan(start, count);
            for (; t + 4 <= count; t += 4)
            {
                var lnd = Vector256.Create(lnDs.Slice(t, 4));
                var coincident = Vector256.Equals(lnd, negInf);
                var x = lnd - lnLE;
                var u = Vector256.ConditionalSelect(coincident, zero, Vector256.Exp(gamma * x));
                var rhoE = Vector256.Exp(-u);
                if (Kind == CorrelationModelKind.E)
                {
                    rhoE.CopyTo(values.Slice(t, 4));
                    if (withGrad)
                    {
                        (rhoE * u * gamma).CopyTo(derivatives.Slice(start + t, 4));
                        Vector256.ConditionalSelect(coincident, zero, -rhoE * u * x * dGamma).CopyTo(derivatives.Slice(stride + start + t, 4));
                    }
                    continue;
                }
                var a = Vector256.Create(af.Slice(t, 4));
                var la = Vector256.Create(l1a.Slice(t, 4));
                var opposite = Vector256.Equals(la, negInf);
                var pw = Vector256.ConditionalSelect(opposite, zero, Vector256.Exp(m * la));
                var rhoA = (one + m * a) * pw;
                var dE0 = rhoE * u * gamma;
                var dE1 = Vector256.ConditionalSelect(coincident, zero, -rhoE * u * x * dGamma);
                if (Kind == CorrelationModelKind.EA)
                {
                    (rhoE * rhoA).CopyTo(values.Slice(t, 4));
                    if (withGrad)
                    {
                        var dDm = Vector256.ConditionalSelect(opposite, zero, a * pw + rhoA * la);
                        (dE0 * rhoA).CopyTo(derivatives.Slice(start + t, 4));
                        (dE1 * rhoA).CopyTo(derivatives.Slice(stride + start + t, 4));
                        (rhoE * dDm * dM).CopyTo(derivatives.Slice(2 * stride + start + t, 4));
                    }
                    continue;
                }
                var ds = Vector256.Create(dss.Slice(t, 4));
                var rhoS = Vector256.Exp(-ds * invLs);
                var c = w * rhoA + oneMinusW * rhoS;
                (rhoE * c).CopyTo(values.Slice(t, 4));
                if (withGrad)
                {
                    var dDm = Vector256.ConditionalSelect(opposite, zero, a * pw + rhoA * la);
                    (dE0 * c).CopyTo(derivatives.Slice(start + t, 4));
                    (dE1 * c).CopyTo(derivatives.Slice(stride + start + t, 4));
                    (rhoE * w * dDm * dM).CopyTo(derivatives.Slice(2 * stride + start + t, 4));
                    (rhoE * oneMinusW * rhoS * ds * invLs).CopyTo(derivatives.Slice(3 * stride + start + t, 4));
                    (rhoE * (rhoA - rhoS) * dW).CopyTo(derivatives.Slice(4 * stride + start + t, 4));
                }
            }
        }
        Span<double> d = stackalloc double[5];
        for (; t < count; t++)
        {
            var p = start + t;
            if (!withGrad)
            {
                values[t] = Value(ev, p);
                continue;
            }
            values[t] = ValueAndGradient(ev, p, d);
            for (var k = 0; k < ParameterCount; k++) derivatives[k * stride + p] = d[k];
        }
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
