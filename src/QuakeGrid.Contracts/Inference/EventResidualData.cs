namespace QuakeGrid.Contracts.Inference;

/// <summary>
/// The records of one earthquake for the pooled correlation likelihood (issue 6): scaled within-event residuals z and,
/// per record, epicentral distance (km), epicentral azimuth (radians, as in the NGA-West2 residual files) and Vs30 (m/s).
/// All arrays have the same length.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.EventResidualData")]
public sealed record EventResidualData(
    [property: Id(0)] long EqId,
    [property: Id(1)] double[] Z,
    [property: Id(2)] double[] EpiDistKm,
    [property: Id(3)] double[] EpiAzimuthRad,
    [property: Id(4)] double[] Vs30);
