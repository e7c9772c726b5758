namespace QuakeGrid.Core.Sources.ScalingRelations;

/// <summary>
/// OpenQuake <c>PointMSR</c>: a constant 1e-4 km² (a 10 m × 10 m square) for any magnitude and rake, so that ruptures of point
/// and area sources behave as points. Not meant for fault sources.
/// </summary>
public sealed class PointMsr : IMagnitudeScalingRelation
{
    /// <summary>The constant median area, km².</summary>
    public const double AreaKm2 = 1e-4;

    public string Name => "PointMSR";

    public double MedianArea(double magnitude, double rake) => AreaKm2;
}
