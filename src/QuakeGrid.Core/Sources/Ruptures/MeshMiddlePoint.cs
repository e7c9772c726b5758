using QuakeGrid.Core.Geometry;

namespace QuakeGrid.Core.Sources.Ruptures;

/// <summary>
/// The middle point of a rectangular patch of fault-mesh nodes, as OpenQuake's <c>Mesh.get_middle_point</c> (used as
/// the hypocentre of floating ruptures): the central node when the patch has odd rows and columns; otherwise the
/// great-circle midpoint (mean depth) of the two central nodes of the middle row, or of the middle points of the two
/// central rows when the number of rows is even.
/// </summary>
internal static class MeshMiddlePoint
{
    public static GeoPoint Of(FaultMesh mesh, int row0, int col0, int nRows, int nCols)
    {
        var midRow = nRows / 2;
        if ((nRows & 1) == 1) return RowMiddle(mesh, row0 + midRow, col0, nCols);
        return Midpoint(RowMiddle(mesh, row0 + midRow - 1, col0, nCols), RowMiddle(mesh, row0 + midRow, col0, nCols));
    }

    private static GeoPoint RowMiddle(FaultMesh mesh, int row, int col0, int nCols)
    {
        var midCol = nCols / 2;
        if ((nCols & 1) == 1) return mesh.Node(row, col0 + midCol);
        return Midpoint(mesh.Node(row, col0 + midCol - 1), mesh.Node(row, col0 + midCol));
    }

    private static GeoPoint Midpoint(GeoPoint a, GeoPoint b)
    {
        var d = Geodesy.DistanceKm(a.Lon, a.Lat, b.Lon, b.Lat);
        var depth = (a.Depth + b.Depth) / 2.0;
        if (d == 0) return new GeoPoint(a.Lon, a.Lat, depth);
        var az = Geodesy.AzimuthDeg(a.Lon, a.Lat, b.Lon, b.Lat);
        var (lon, lat) = Geodesy.PointAt(a.Lon, a.Lat, az, d / 2.0);
        return new GeoPoint(lon, lat, depth);
    }
}
