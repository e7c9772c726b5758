namespace QuakeGrid.Contracts.Ruptures;

/// <summary>A point on the wire: longitude and latitude in decimal degrees, depth in km (positive down).</summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.PointSpec")]
public sealed record PointSpec(
    [property: Id(0)] double Lon,
    [property: Id(1)] double Lat,
    [property: Id(2)] double Depth);
