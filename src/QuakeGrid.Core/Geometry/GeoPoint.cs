namespace QuakeGrid.Core.Geometry;

/// <summary>A point on or below the Earth's surface: longitude and latitude in decimal degrees, depth in km (positive down).</summary>
public readonly record struct GeoPoint(double Lon, double Lat, double Depth = 0.0);
