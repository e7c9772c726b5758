namespace QuakeGrid.Core.Geometry;

/// <summary>
/// One earthquake rupture: moment magnitude, rake (degrees, Aki-Richards convention), hypocentre and surface.
/// </summary>
public sealed record Rupture(double Magnitude, double Rake, GeoPoint Hypocenter, IRuptureSurface Surface);
