using QuakeGrid.Core.Geometry;

namespace QuakeGrid.Cli.Output;

/// <summary>
/// What one map shows: site coordinates (degrees), one positive value per site in <see cref="Unit"/>,
/// the rupture's top-edge trace and epicentre, a title and the value's name for the colour bar.
/// </summary>
public sealed record MapLayer(
    double[] Lon,
    double[] Lat,
    double[] Values,
    string ValueName,
    string Unit,
    IReadOnlyList<GeoPoint> RuptureTrace,
    GeoPoint Epicentre,
    string Title);
