using QuakeGrid.Core.Geometry;

namespace QuakeGrid.Cli.Output;

/// <summary>
/// What one map shows: site coordinates (degrees) coloured by one positive value per site in <see cref="Unit"/>
/// (logarithmic colour scale), overlay lines (rupture traces, source outlines), overlay point sets (epicentre,
/// stations) and a title. Used by every command that draws a map.
/// </summary>
public sealed record MapLayer(
    double[] Lon,
    double[] Lat,
    double[] Values,
    string ValueName,
    string Unit,
    string Title,
    IReadOnlyList<MapLine> Lines,
    IReadOnlyList<MapPoints> Points);

/// <summary>A polyline drawn over the map, e.g. a rupture's top edge or a closed source outline.</summary>
public sealed record MapLine(string Label, IReadOnlyList<GeoPoint> Vertices, bool Closed = false);

/// <summary>A set of markers drawn over the map, e.g. the epicentre or seismic stations.</summary>
public sealed record MapPoints(string Label, IReadOnlyList<GeoPoint> Locations, MapMarker Marker);

/// <summary>Marker styles for <see cref="MapPoints"/>.</summary>
public enum MapMarker
{
    /// <summary>Large magenta diamond (epicentres).</summary>
    Epicentre,
    /// <summary>Black-outlined white triangle (stations).</summary>
    Station,
}
