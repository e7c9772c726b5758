using MathNet.Numerics;

namespace QuakeGrid.Core.Inference.Priors;

/// <summary>A univariate prior density with its log-density derivative, on (0, ∞) or (0, 1).</summary>
public abstract record PriorDistribution
{
    /// <summary>True when the support is (0, 1), false for (0, ∞).</summary>
    public abstract bool UnitInterval { get; }
    /// <summary>ln p(x).</summary>
    public abstract double LogDensity(double x);
    /// <summary>d ln p(x)/dx.</summary>
    public abstract double DLogDensity(double x);
    /// <summary>Short description, e.g. <c>InverseGamma(shape=2, scale=30)</c>.</summary>
    public abstract string Describe();
}

/// <summary>Inverse-gamma with shape α and scale β: p(x) ∝ x^(−α−1) exp(−β/x).</summary>
public sealed record InverseGammaPrior(double Shape, double Scale) : PriorDistribution
{
    /// <inheritdoc />
    public override bool UnitInterval => false;
    /// <inheritdoc />
    public override double LogDensity(double x) =>
        Shape * Math.Log(Scale) - SpecialFunctions.GammaLn(Shape) - (Shape + 1) * Math.Log(x) - Scale / x;
    /// <inheritdoc />
    public override double DLogDensity(double x) => -(Shape + 1) / x + Scale / (x * x);
    /// <inheritdoc />
    public override string Describe() => $"InverseGamma(shape={Shape}, scale={Scale})";
}

/// <summary>Gamma with shape α and rate β: p(x) ∝ x^(α−1) exp(−βx).</summary>
public sealed record GammaPrior(double Shape, double Rate) : PriorDistribution
{
    /// <inheritdoc />
    public override bool UnitInterval => false;
    /// <inheritdoc />
    public override double LogDensity(double x) =>
        Shape * Math.Log(Rate) - SpecialFunctions.GammaLn(Shape) + (Shape - 1) * Math.Log(x) - Rate * x;
    /// <inheritdoc />
    public override double DLogDensity(double x) => (Shape - 1) / x - Rate;
    /// <inheritdoc />
    public override string Describe() => $"Gamma(shape={Shape}, rate={Rate})";
}

/// <summary>Log-normal: ln x ~ N(μ, σ²).</summary>
public sealed record LogNormalPrior(double Mu, double Sigma) : PriorDistribution
{
    /// <inheritdoc />
    public override bool UnitInterval => false;
    /// <inheritdoc />
    public override double LogDensity(double x)
    {
        var t = (Math.Log(x) - Mu) / Sigma;
        return -Math.Log(x) - Math.Log(Sigma) - 0.5 * Math.Log(2 * Math.PI) - 0.5 * t * t;
    }
    /// <inheritdoc />
    public override double DLogDensity(double x) => -1 / x - (Math.Log(x) - Mu) / (Sigma * Sigma * x);
    /// <inheritdoc />
    public override string Describe() => $"LogNormal(mu={Mu}, sigma={Sigma})";
}

/// <summary>Beta(a, b) on (0, 1).</summary>
public sealed record BetaPrior(double A, double B) : PriorDistribution
{
    /// <inheritdoc />
    public override bool UnitInterval => true;
    /// <inheritdoc />
    public override double LogDensity(double x) =>
        (A - 1) * Math.Log(x) + (B - 1) * Math.Log(1 - x) - SpecialFunctions.BetaLn(A, B);
    /// <inheritdoc />
    public override double DLogDensity(double x) => (A - 1) / x - (B - 1) / (1 - x);
    /// <inheritdoc />
    public override string Describe() => $"Beta(a={A}, b={B})";
}
