using QuakeGrid.Core.Inference.Likelihood;

namespace QuakeGrid.Core.Inference.Optimisation;

/// <summary>Result of <see cref="Lbfgs.Maximise"/>.</summary>
/// <param name="Point">Arg-max, unconstrained coordinates.</param>
/// <param name="Value">Log-density at the arg-max.</param>
/// <param name="GradientNorm">Euclidean norm of the gradient there.</param>
/// <param name="Iterations">Iterations used.</param>
/// <param name="Evaluations">Function-and-gradient evaluations used.</param>
/// <param name="Converged">True when the gradient or relative-change tolerance was met.</param>
public sealed record OptimisationResult(double[] Point, double Value, double GradientNorm, int Iterations, int Evaluations, bool Converged);

/// <summary>
/// Limited-memory BFGS (Nocedal &amp; Wright 2006, Alg. 7.4/7.5) for maximising a log-density with analytic gradient,
/// with a backtracking/expanding line search enforcing the Armijo and weak Wolfe conditions (c1 = 1e-4, c2 = 0.9).
/// </summary>
public static class Lbfgs
{
    /// <summary>Maximises <paramref name="f"/> from <paramref name="start"/>.</summary>
    public static OptimisationResult Maximise(ILogDensity f, ReadOnlySpan<double> start, int memory = 7, int maxIterations = 500,
        double gradientTolerance = 1e-6, double relativeTolerance = 1e-12)
    {
        var d = f.Dimension;
        var x = start.ToArray();
        var g = new double[d];
        var evals = 1;
        // Minimise h = −f.
        var fx = -f.Evaluate(x, g);
        if (!double.IsFinite(fx)) throw new ArgumentException("log-density is not finite at the starting point");
        Negate(g);
        var s = new List<double[]>(); var y = new List<double[]>(); var rho = new List<double>();
        var dir = new double[d]; var xn = new double[d]; var gn = new double[d];
        var alphaBuf = new double[memory];
        var iter = 0;
        var converged = Norm(g) < gradientTolerance;
        while (!converged && iter < maxIterations)
        {
            iter++;
            // Two-loop recursion: dir = −H g.
            Array.Copy(g, dir, d);
            for (var k = s.Count - 1; k >= 0; k--)
            {
                alphaBuf[k] = rho[k] * Dot(s[k], dir);
                Axpy(-alphaBuf[k], y[k], dir);
            }
            var gamma = s.Count > 0 ? Dot(s[^1], y[^1]) / Dot(y[^1], y[^1]) : 1.0 / Math.Max(1.0, Norm(g));
            for (var i = 0; i < d; i++) dir[i] *= gamma;
            for (var k = 0; k < s.Count; k++)
            {
                var beta = rho[k] * Dot(y[k], dir);
                Axpy(alphaBuf[k] - beta, s[k], dir);
            }
            Negate(dir);
            var slope = Dot(g, dir);
            if (!(slope < 0)) { for (var i = 0; i < d; i++) dir[i] = -g[i]; slope = Dot(g, dir); s.Clear(); y.Clear(); rho.Clear(); }

            // Line search (bracketing with bisection / doubling).
            double step = 1, lo = 0, hi = double.PositiveInfinity, fn = double.NaN;
            var accepted = false;
            for (var ls = 0; ls < 60; ls++)
            {
                for (var i = 0; i < d; i++) xn[i] = x[i] + step * dir[i];
                fn = -f.Evaluate(xn, gn);
                evals++;
                Negate(gn);
                if (!double.IsFinite(fn) || fn > fx + 1e-4 * step * slope) { hi = step; step = 0.5 * (lo + hi); continue; }
                if (Dot(gn, dir) < 0.9 * slope) { lo = step; step = double.IsPositiveInfinity(hi) ? 2 * step : 0.5 * (lo + hi); continue; }
                accepted = true;
                break;
            }
            // Accept a decrease that missed the curvature condition; stop when no decrease was found.
            if (!accepted && !(double.IsFinite(fn) && fn < fx)) break;

            var sk = new double[d]; var yk = new double[d];
            for (var i = 0; i < d; i++) { sk[i] = xn[i] - x[i]; yk[i] = gn[i] - g[i]; }
            var sy = Dot(sk, yk);
            var rel = Math.Abs(fx - fn) / Math.Max(1.0, Math.Abs(fx));
            Array.Copy(xn, x, d); Array.Copy(gn, g, d); fx = fn;
            if (sy > 1e-12 * Dot(yk, yk))
            {
                if (s.Count == memory) { s.RemoveAt(0); y.RemoveAt(0); rho.RemoveAt(0); }
                s.Add(sk); y.Add(yk); rho.Add(1 / sy);
            }
            if (Norm(g) < gradientTolerance || rel < relativeTolerance) converged = true;
        }
        return new OptimisationResult(x, -fx, Norm(g), iter, evals, converged);
    }

    private static double Dot(double[] a, double[] b) { var s = 0.0; for (var i = 0; i < a.Length; i++) s += a[i] * b[i]; return s; }
    private static double Norm(double[] a) => Math.Sqrt(Dot(a, a));
    private static void Negate(double[] a) { for (var i = 0; i < a.Length; i++) a[i] = -a[i]; }
    private static void Axpy(double c, double[] x, double[] y) { for (var i = 0; i < x.Length; i++) y[i] += c * x[i]; }
}
