namespace QuakeGrid.Core.Conditioning;

/// <summary>
/// Conditioned ground motion at the targets for one IMT: the conditional mean of ln Y (mu_Y|yD) and its standard
/// deviation, split into the conditioned within-event part (sqrt of diag Cov_W) and the between-event part
/// (sqrt of diag C Cov_H Cᵀ); ln units. Total std = sqrt(within² + between²). <see cref="Stations"/> holds the
/// between-event posterior (mu_H, Cov_H, the nominal bias).
/// </summary>
public sealed class ConditionedField
{
    public ConditionedField(StationSystem stations, ConditioningTargets targets, double[] meanLn, double[] stdLn, double[] stdWithin, double[] stdBetween)
    {
        Stations = stations; Targets = targets; MeanLn = meanLn; StdLn = stdLn; StdWithin = stdWithin; StdBetween = stdBetween;
    }

    public StationSystem Stations { get; }
    public ConditioningTargets Targets { get; }
    /// <summary>Conditional mean of ln Y at each target.</summary>
    public double[] MeanLn { get; }
    /// <summary>Conditional total standard deviation of ln Y at each target.</summary>
    public double[] StdLn { get; }
    /// <summary>Conditioned within-event standard deviation at each target.</summary>
    public double[] StdWithin { get; }
    /// <summary>Conditioned between-event standard deviation at each target.</summary>
    public double[] StdBetween { get; }
    public int Count => MeanLn.Length;
}
