using QuakeGrid.Core.Inference.Likelihood;

namespace QuakeGrid.Core.Inference.Priors;

/// <summary>
/// Priors of the five hyperparameters and the log-prior in unconstrained coordinates, including the log-Jacobian of
/// each transform (see <see cref="KernelParameters"/>). The priors act on the sampled quantities of Bodenmann et al.
/// (2023, Sect. 4.2): LE; gammaE/2; L with LA = 180/(4 + L); LS; w.
/// </summary>
public sealed class CorrelationPriors
{
    /// <summary>Creates priors; positive quantities need a (0, ∞) prior, gammaE/2 and w a (0, 1) prior.</summary>
    public CorrelationPriors(PriorDistribution le, PriorDistribution gammaEHalf, PriorDistribution laL, PriorDistribution ls, PriorDistribution w)
    {
        Check("LE", le, false); Check("gammaE", gammaEHalf, true); Check("LA", laL, false); Check("LS", ls, false); Check("w", w, true);
        LE = le; GammaEHalf = gammaEHalf; LAL = laL; LS = ls; W = w;
    }

    /// <summary>Prior of LE, km. Default InverseGamma(2, 30).</summary>
    public PriorDistribution LE { get; }
    /// <summary>Prior of gammaE/2. Default Beta(2, 2).</summary>
    public PriorDistribution GammaEHalf { get; }
    /// <summary>Prior of L = 180/LA − 4. Default Gamma(2, rate 0.25).</summary>
    public PriorDistribution LAL { get; }
    /// <summary>Prior of LS, m/s. Default InverseGamma(2, 100).</summary>
    public PriorDistribution LS { get; }
    /// <summary>Prior of w. Default Beta(2, 2).</summary>
    public PriorDistribution W { get; }

    /// <summary>The priors of the paper and the issue.</summary>
    public static CorrelationPriors Default { get; } = new(
        new InverseGammaPrior(2, 30), new BetaPrior(2, 2), new GammaPrior(2, 0.25), new InverseGammaPrior(2, 100), new BetaPrior(2, 2));

    /// <summary>Prior of slot <paramref name="k"/> (0..4) in unconstrained order.</summary>
    public PriorDistribution this[int k] => k switch { 0 => LE, 1 => GammaEHalf, 2 => LAL, 3 => LS, 4 => W, _ => throw new ArgumentOutOfRangeException(nameof(k)) };

    /// <summary>
    /// ln p(θ(q)) + ln|dθ/dq| for the first <c>q.Length</c> slots; adds the derivative with respect to q into
    /// <paramref name="gradient"/> when non-empty.
    /// </summary>
    public double LogDensityUnconstrained(ReadOnlySpan<double> q, Span<double> gradient)
    {
        var lp = 0.0;
        for (var k = 0; k < q.Length; k++)
        {
            var prior = this[k];
            if (prior.UnitInterval)
            {
                var x = KernelParameters.Sigmoid(q[k]);
                // log-Jacobian of x = sigmoid(q): ln x + ln(1 − x).
                lp += prior.LogDensity(x) + Math.Log(x) + Math.Log(1 - x);
                if (!gradient.IsEmpty) gradient[k] += x * (1 - x) * prior.DLogDensity(x) + 1 - 2 * x;
            }
            else
            {
                var x = Math.Exp(q[k]);
                // log-Jacobian of x = exp(q): q.
                lp += prior.LogDensity(x) + q[k];
                if (!gradient.IsEmpty) gradient[k] += x * prior.DLogDensity(x) + 1;
            }
        }
        return lp;
    }

    private static void Check(string name, PriorDistribution p, bool unit)
    {
        if (p.UnitInterval != unit)
            throw new ArgumentException($"prior of {name} must have support {(unit ? "(0, 1)" : "(0, ∞)")}, got {p.Describe()}");
    }
}
