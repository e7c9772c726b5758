using QuakeGrid.Cli.Output;
using QuakeGrid.Core.Sources;

namespace QuakeGrid.Cli.Hazard;

/// <summary>
/// Map overlays for a source model: closed polygons of area sources, surface traces of simple faults, and the
/// locations of point sources. Only the first item of each kind carries a legend label, so the legend names the kinds
/// once (with their count) rather than every source.
/// </summary>
public static class SourceOutlines
{
    public static (IReadOnlyList<MapLine> Lines, IReadOnlyList<MapPoints> Points) For(SourceModel model)
    {
        var areas = model.Sources.OfType<AreaSource>().ToList();
        var faults = model.Sources.OfType<SimpleFaultSource>().ToList();
        var points = model.Sources.OfType<PointSource>().ToList();
        var lines = new List<MapLine>();
        for (var i = 0; i < areas.Count; i++)
            lines.Add(new MapLine(i == 0 ? $"area sources ({areas.Count})" : string.Empty, areas[i].Polygon, Closed: true));
        for (var i = 0; i < faults.Count; i++)
            lines.Add(new MapLine(i == 0 ? $"fault traces ({faults.Count})" : string.Empty, faults[i].Trace));
        var markers = points.Count == 0
            ? Array.Empty<MapPoints>()
            : [new MapPoints($"point sources ({points.Count})", points.Select(p => p.Location).ToArray(), MapMarker.Epicentre)];
        return (lines, markers);
    }
}
