namespace QuakeGrid.Contracts.Hazard;

/// <summary>
/// The mean hazard curve of one site for one IMT (OpenQuake spelling): PoE in the investigation time at each level
/// (g; cm/s for PGV), and the hazard-map value at each of the job's map PoEs.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.SiteCurve")]
public sealed record SiteCurve(
    [property: Id(0)] string Imt,
    [property: Id(1)] IReadOnlyList<double> Levels,
    [property: Id(2)] IReadOnlyList<double> Poes,
    [property: Id(3)] IReadOnlyList<double> MapValues);
