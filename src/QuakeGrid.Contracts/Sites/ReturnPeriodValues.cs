namespace QuakeGrid.Contracts.Sites;

/// <summary>
/// Intensity at given return periods (years) for one IMT: each return period T maps to the PoE 1 − exp(−t/T) in the
/// job's investigation time t, and the IML (g; cm/s for PGV) read from the site's mean curve at that PoE by OpenQuake's
/// log-log interpolation (Core <c>HazardMaps.ImlAtPoe</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.ReturnPeriodValues")]
public sealed record ReturnPeriodValues(
    [property: Id(0)] string Imt,
    [property: Id(1)] double[] ReturnPeriods,
    [property: Id(2)] double[] Poes,
    [property: Id(3)] double[] Values);
