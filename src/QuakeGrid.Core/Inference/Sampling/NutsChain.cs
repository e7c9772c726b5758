using QuakeGrid.Core.Inference.Likelihood;
using QuakeGrid.Core.Random;

namespace QuakeGrid.Core.Inference.Sampling;

/// <summary>
/// One chain of the No-U-Turn sampler, multinomial variant with biased progressive sampling at the top level and
/// the generalised U-turn criterion checked across merged sub-trees, as in Stan (Hoffman &amp; Gelman 2014, JMLR 15;
/// Betancourt 2017, arXiv:1701.02434, Appendix A). Euclidean metric, diagonal or dense: H(q, p) = −log π(q) + ½ pᵀM⁻¹p.
/// </summary>
internal sealed class NutsChain
{
    private readonly ILogDensity _target;
    private readonly Xoshiro256StarStar _rng;
    private readonly NutsSettings _settings;
    private readonly int _d;

    // Current point.
    private double[] _q, _grad;
    private double _logp;
    // Integrator state (position, momentum, gradient, log-density) mutated by leapfrog steps.
    private readonly double[] _zq, _zp, _zg;
    private double _zLogp;
    private bool _divergent;

    public NutsChain(ILogDensity target, Xoshiro256StarStar rng, NutsSettings settings, double[] init)
    {
        _target = target; _rng = rng; _settings = settings; _d = target.Dimension;
        _q = (double[])init.Clone();
        _grad = new double[_d];
        _logp = target.Evaluate(_q, _grad);
        if (!double.IsFinite(_logp)) throw new ArgumentException("log-density is not finite at the initial point");
        _zq = new double[_d]; _zp = new double[_d]; _zg = new double[_d];
        InverseMetric = Enumerable.Repeat(1.0, _d).ToArray();
        StepSize = 1.0;
    }

    /// <summary>Diagonal of the inverse metric M⁻¹ (the whole metric unless <see cref="SetDenseInverseMetric"/> was called).</summary>
    public double[] InverseMetric { get; }

    // Dense inverse metric Σ = M⁻¹ (row-major d×d) and its lower Cholesky factor; null while diagonal.
    private double[]? _sigma, _sigmaChol;

    /// <summary>
    /// Switches to the dense inverse metric <paramref name="sigma"/> (row-major d×d, symmetric positive definite);
    /// momenta are then drawn as p = L⁻ᵀz with Σ = L Lᵀ, so that Cov(p) = Σ⁻¹ = M.
    /// </summary>
    public void SetDenseInverseMetric(double[] sigma)
    {
        var d = _d;
        var l = new double[d * d];
        for (var i = 0; i < d; i++)
        for (var j = 0; j <= i; j++)
        {
            var s = sigma[i * d + j];
            for (var k = 0; k < j; k++) s -= l[i * d + k] * l[j * d + k];
            if (i == j)
            {
                if (!(s > 0)) throw new ArgumentException("dense inverse metric is not positive definite");
                l[i * d + i] = Math.Sqrt(s);
            }
            else l[i * d + j] = s / l[j * d + j];
        }
        _sigma = (double[])sigma.Clone();
        _sigmaChol = l;
        for (var i = 0; i < d; i++) InverseMetric[i] = sigma[i * d + i];
    }
    public double StepSize { get; set; }
    public double[] Position => _q;
    public double LogDensity => _logp;
    public long GradientEvaluations { get; private set; }

    /// <summary>Result of one transition.</summary>
    public readonly record struct Transition(double AcceptStat, int TreeDepth, int Leapfrogs, bool Divergent, double Energy);

    private double Kinetic(double[] p)
    {
        if (_sigma is not null)
        {
            var kd = 0.0;
            for (var i = 0; i < _d; i++)
            {
                var v = 0.0;
                for (var j = 0; j < _d; j++) v += _sigma[i * _d + j] * p[j];
                kd += p[i] * v;
            }
            return 0.5 * kd;
        }
        var k = 0.0;
        for (var i = 0; i < _d; i++) k += p[i] * p[i] * InverseMetric[i];
        return 0.5 * k;
    }

    private void SampleMomentum(double[] p)
    {
        if (_sigmaChol is not null)
        {
            for (var i = 0; i < _d; i++) p[i] = _rng.NextStandardNormal();
            for (var i = _d - 1; i >= 0; i--)
            {
                var s = p[i];
                for (var k = i + 1; k < _d; k++) s -= _sigmaChol[k * _d + i] * p[k];
                p[i] = s / _sigmaChol[i * _d + i];
            }
            return;
        }
        for (var i = 0; i < _d; i++) p[i] = _rng.NextStandardNormal() / Math.Sqrt(InverseMetric[i]);
    }

    private void Leapfrog(double eps)
    {
        for (var i = 0; i < _d; i++) _zp[i] += 0.5 * eps * _zg[i];
        if (_sigma is not null)
        {
            for (var i = 0; i < _d; i++)
            {
                var v = 0.0;
                for (var j = 0; j < _d; j++) v += _sigma[i * _d + j] * _zp[j];
                _zq[i] += eps * v;
            }
        }
        else
        {
            for (var i = 0; i < _d; i++) _zq[i] += eps * InverseMetric[i] * _zp[i];
        }
        _zLogp = _target.Evaluate(_zq, _zg);
        GradientEvaluations++;
        if (!double.IsFinite(_zLogp)) { _zLogp = double.NegativeInfinity; return; }
        for (var i = 0; i < _d; i++) _zp[i] += 0.5 * eps * _zg[i];
    }

    private double Hamiltonian() => double.IsFinite(_zLogp) ? -_zLogp + Kinetic(_zp) : double.PositiveInfinity;

    private void LoadCurrent()
    {
        Array.Copy(_q, _zq, _d); Array.Copy(_grad, _zg, _d); _zLogp = _logp;
    }

    /// <summary>Stan's heuristic: double or halve ε until the one-step acceptance crosses 0.8.</summary>
    public void InitialiseStepSize()
    {
        LoadCurrent();
        SampleMomentum(_zp);
        var h0 = Hamiltonian();
        Leapfrog(StepSize);
        var deltaH = h0 - Hamiltonian();
        var direction = deltaH > Math.Log(0.8) ? 1 : -1;
        for (var guard = 0; guard < 100; guard++)
        {
            LoadCurrent();
            SampleMomentum(_zp);
            h0 = Hamiltonian();
            Leapfrog(StepSize);
            deltaH = h0 - Hamiltonian();
            if (direction == 1 && !(deltaH > Math.Log(0.8))) break;
            if (direction == -1 && !(deltaH < Math.Log(0.8))) break;
            StepSize = direction == 1 ? 2 * StepSize : 0.5 * StepSize;
            if (StepSize > 1e7 || StepSize < 1e-12) throw new InvalidOperationException($"step size {StepSize} diverged while initialising: the posterior is improper or degenerate");
        }
    }

    /// <summary>One NUTS transition from the current point.</summary>
    public Transition Step()
    {
        var d = _d;
        LoadCurrent();
        SampleMomentum(_zp);
        var h0 = Hamiltonian();

        // Forward and backward ends of the trajectory.
        var fwdQ = (double[])_zq.Clone(); var fwdP = (double[])_zp.Clone(); var fwdG = (double[])_zg.Clone(); var fwdL = _zLogp;
        var bckQ = (double[])_zq.Clone(); var bckP = (double[])_zp.Clone(); var bckG = (double[])_zg.Clone(); var bckL = _zLogp;

        var pSharp = Sharp(_zp);
        var pFwdFwd = (double[])_zp.Clone(); var pSharpFwdFwd = (double[])pSharp.Clone();
        var pFwdBck = (double[])_zp.Clone(); var pSharpFwdBck = (double[])pSharp.Clone();
        var pBckFwd = (double[])_zp.Clone(); var pSharpBckFwd = (double[])pSharp.Clone();
        var pBckBck = (double[])_zp.Clone(); var pSharpBckBck = (double[])pSharp.Clone();
        var rho = (double[])_zp.Clone();

        var sampleQ = (double[])_q.Clone(); var sampleG = (double[])_grad.Clone(); var sampleL = _logp;
        var logSumWeight = 0.0;
        var depth = 0; var nLeapfrog = 0; var sumMetro = 0.0;
        _divergent = false;
        var proposeQ = new double[d]; var proposeG = new double[d]; double proposeL = 0;

        while (depth < _settings.MaxTreeDepth)
        {
            var rhoFwd = new double[d]; var rhoBck = new double[d];
            bool valid;
            var lswSubtree = double.NegativeInfinity;
            if (_rng.NextDouble() > 0.5)
            {
                Array.Copy(fwdQ, _zq, d); Array.Copy(fwdP, _zp, d); Array.Copy(fwdG, _zg, d); _zLogp = fwdL;
                Array.Copy(rho, rhoBck, d);
                Array.Copy(pFwdBck, pBckFwd, d); Array.Copy(pSharpFwdBck, pSharpBckFwd, d);
                valid = BuildTree(depth, proposeQ, proposeG, ref proposeL, pSharpFwdBck, pSharpFwdFwd, rhoFwd, pFwdBck, pFwdFwd,
                    h0, 1, ref nLeapfrog, ref lswSubtree, ref sumMetro);
                Array.Copy(_zq, fwdQ, d); Array.Copy(_zp, fwdP, d); Array.Copy(_zg, fwdG, d); fwdL = _zLogp;
            }
            else
            {
                Array.Copy(bckQ, _zq, d); Array.Copy(bckP, _zp, d); Array.Copy(bckG, _zg, d); _zLogp = bckL;
                Array.Copy(rho, rhoFwd, d);
                Array.Copy(pBckFwd, pFwdBck, d); Array.Copy(pSharpBckFwd, pSharpFwdBck, d);
                valid = BuildTree(depth, proposeQ, proposeG, ref proposeL, pSharpBckFwd, pSharpBckBck, rhoBck, pBckFwd, pBckBck,
                    h0, -1, ref nLeapfrog, ref lswSubtree, ref sumMetro);
                Array.Copy(_zq, bckQ, d); Array.Copy(_zp, bckP, d); Array.Copy(_zg, bckG, d); bckL = _zLogp;
            }
            if (!valid) break;
            depth++;

            if (lswSubtree > logSumWeight || _rng.NextDouble() < Math.Exp(lswSubtree - logSumWeight))
            {
                Array.Copy(proposeQ, sampleQ, d); Array.Copy(proposeG, sampleG, d); sampleL = proposeL;
            }
            logSumWeight = LogSumExp(logSumWeight, lswSubtree);

            for (var i = 0; i < d; i++) rho[i] = rhoBck[i] + rhoFwd[i];
            var persist = Criterion(pSharpBckBck, pSharpFwdFwd, rho);
            var ext = new double[d];
            for (var i = 0; i < d; i++) ext[i] = rhoBck[i] + pFwdBck[i];
            persist &= Criterion(pSharpBckBck, pSharpFwdBck, ext);
            for (var i = 0; i < d; i++) ext[i] = rhoFwd[i] + pBckFwd[i];
            persist &= Criterion(pSharpBckFwd, pSharpFwdFwd, ext);
            if (!persist) break;
        }

        _q = sampleQ; _grad = sampleG; _logp = sampleL;
        var accept = nLeapfrog > 0 ? sumMetro / nLeapfrog : 0.0;
        return new Transition(accept, depth, nLeapfrog, _divergent, -_logp);
    }

    private bool BuildTree(int depth, double[] proposeQ, double[] proposeG, ref double proposeL,
        double[] pSharpBeg, double[] pSharpEnd, double[] rho, double[] pBeg, double[] pEnd,
        double h0, int sign, ref int nLeapfrog, ref double logSumWeight, ref double sumMetro)
    {
        var d = _d;
        if (depth == 0)
        {
            Leapfrog(sign * StepSize);
            nLeapfrog++;
            var h = Hamiltonian();
            if (double.IsNaN(h)) h = double.PositiveInfinity;
            if (h - h0 > _settings.MaxDeltaH) _divergent = true;
            logSumWeight = LogSumExp(logSumWeight, h0 - h);
            sumMetro += h0 - h > 0 ? 1 : Math.Exp(h0 - h);
            Array.Copy(_zq, proposeQ, d); Array.Copy(_zg, proposeG, d); proposeL = _zLogp;
            SharpInto(_zp, pSharpBeg);
            for (var i = 0; i < d; i++)
            {
                pSharpEnd[i] = pSharpBeg[i];
                rho[i] += _zp[i];
                pBeg[i] = _zp[i];
                pEnd[i] = _zp[i];
            }
            return !_divergent;
        }

        // Initial sub-tree.
        var lswInit = double.NegativeInfinity;
        var pInitEnd = new double[d]; var pSharpInitEnd = new double[d]; var rhoInit = new double[d];
        if (!BuildTree(depth - 1, proposeQ, proposeG, ref proposeL, pSharpBeg, pSharpInitEnd, rhoInit, pBeg, pInitEnd,
                h0, sign, ref nLeapfrog, ref lswInit, ref sumMetro))
            return false;

        // Final sub-tree.
        var finalQ = new double[d]; var finalG = new double[d]; var finalL = 0.0;
        var lswFinal = double.NegativeInfinity;
        var pFinalBeg = new double[d]; var pSharpFinalBeg = new double[d]; var rhoFinal = new double[d];
        if (!BuildTree(depth - 1, finalQ, finalG, ref finalL, pSharpFinalBeg, pSharpEnd, rhoFinal, pFinalBeg, pEnd,
                h0, sign, ref nLeapfrog, ref lswFinal, ref sumMetro))
            return false;

        // Multinomial choice between the two halves.
        var lswSubtree = LogSumExp(lswInit, lswFinal);
        logSumWeight = LogSumExp(logSumWeight, lswSubtree);
        if (lswFinal > lswSubtree || _rng.NextDouble() < Math.Exp(lswFinal - lswSubtree))
        {
            Array.Copy(finalQ, proposeQ, d); Array.Copy(finalG, proposeG, d); proposeL = finalL;
        }

        var rhoSubtree = new double[d];
        for (var i = 0; i < d; i++) { rhoSubtree[i] = rhoInit[i] + rhoFinal[i]; rho[i] += rhoSubtree[i]; }
        var persist = Criterion(pSharpBeg, pSharpEnd, rhoSubtree);
        var ext = new double[d];
        for (var i = 0; i < d; i++) ext[i] = rhoInit[i] + pFinalBeg[i];
        persist &= Criterion(pSharpBeg, pSharpFinalBeg, ext);
        for (var i = 0; i < d; i++) ext[i] = rhoFinal[i] + pInitEnd[i];
        persist &= Criterion(pSharpInitEnd, pSharpEnd, ext);
        return persist;
    }

    private double[] Sharp(double[] p)
    {
        var s = new double[_d];
        SharpInto(p, s);
        return s;
    }

    /// <summary>p♯ = M⁻¹p.</summary>
    private void SharpInto(double[] p, double[] into)
    {
        if (_sigma is null)
        {
            for (var i = 0; i < _d; i++) into[i] = InverseMetric[i] * p[i];
            return;
        }
        for (var i = 0; i < _d; i++)
        {
            var v = 0.0;
            for (var j = 0; j < _d; j++) v += _sigma[i * _d + j] * p[j];
            into[i] = v;
        }
    }

    private static bool Criterion(double[] pSharpMinus, double[] pSharpPlus, double[] rho)
    {
        double a = 0, b = 0;
        for (var i = 0; i < rho.Length; i++) { a += pSharpPlus[i] * rho[i]; b += pSharpMinus[i] * rho[i]; }
        return a > 0 && b > 0;
    }

    private static double LogSumExp(double a, double b)
    {
        if (double.IsNegativeInfinity(a)) return b;
        if (double.IsNegativeInfinity(b)) return a;
        var m = Math.Max(a, b);
        return m + Math.Log(Math.Exp(a - m) + Math.Exp(b - m));
    }
}
