namespace QuakeGrid.Contracts.Ruptures;

/// <summary>
/// A rupture on the wire: moment magnitude, rake (degrees, Aki-Richards), hypocentre and one or more planes.
/// One plane maps to Core's <c>PlanarSurface</c>, several to <c>MultiPlanarSurface</c>
/// (see <see cref="Mapping.RuptureSpecMapper"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.RuptureSpec")]
public sealed record RuptureSpec(
    [property: Id(0)] double Magnitude,
    [property: Id(1)] double Rake,
    [property: Id(2)] PointSpec Hypocenter,
    [property: Id(3)] PlaneSpec[] Planes);
