namespace QuakeGrid.Contracts.Ruptures;

/// <summary>
/// One planar quadrilateral of a rupture surface, by its four corners as in OpenQuake NRML
/// <c>planarSurface</c>: top-left, top-right, bottom-left, bottom-right (top edge along strike, left to right).
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.PlaneSpec")]
public sealed record PlaneSpec(
    [property: Id(0)] PointSpec TopLeft,
    [property: Id(1)] PointSpec TopRight,
    [property: Id(2)] PointSpec BottomLeft,
    [property: Id(3)] PointSpec BottomRight);
