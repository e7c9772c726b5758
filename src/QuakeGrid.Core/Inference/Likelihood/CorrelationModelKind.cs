namespace QuakeGrid.Core.Inference.Likelihood;

/// <summary>The correlation models of Bodenmann, Baker &amp; Stojadinović (2023, Eqs. 8–10).</summary>
public enum CorrelationModelKind
{
    /// <summary>ρ = ρ_E (Euclidean distance only): parameters LE, gammaE.</summary>
    E,
    /// <summary>ρ = ρ_E·ρ_A: parameters LE, gammaE, LA.</summary>
    EA,
    /// <summary>ρ = ρ_E·(w·ρ_A + (1 − w)·ρ_S): parameters LE, gammaE, LA, LS, w.</summary>
    EAS,
}

/// <summary>Parameter names and counts per model, in the order of the unconstrained vector.</summary>
public static class CorrelationModels
{
    /// <summary>All parameter names, in output-column order: <c>LE,gammaE,LA,LS,w</c>.</summary>
    public static readonly string[] AllParameterNames = { "LE", "gammaE", "LA", "LS", "w" };

    /// <summary>Number of hyperparameters of <paramref name="kind"/>.</summary>
    public static int ParameterCount(CorrelationModelKind kind) => kind switch
    {
        CorrelationModelKind.E => 2,
        CorrelationModelKind.EA => 3,
        CorrelationModelKind.EAS => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Parameter names of <paramref name="kind"/>.</summary>
    public static string[] ParameterNames(CorrelationModelKind kind) => AllParameterNames[..ParameterCount(kind)];

    /// <summary>Parses <c>E</c>, <c>EA</c> or <c>EAS</c> (case-insensitive).</summary>
    public static bool TryParse(string text, out CorrelationModelKind kind)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "E": kind = CorrelationModelKind.E; return true;
            case "EA": kind = CorrelationModelKind.EA; return true;
            case "EAS": kind = CorrelationModelKind.EAS; return true;
            default: kind = default; return false;
        }
    }
}
