using ScottPlot;

namespace QuakeGrid.Cli.Output;

/// <summary>
/// Axis rule for longitude/latitude maps: zooms out one axis so that one kilometre has the same length on screen in
/// both directions, i.e. a degree of longitude is drawn cos(latitude) times as long as a degree of latitude
/// (equirectangular projection about the map's central latitude).
/// </summary>
public sealed class GeoAspectRule(IXAxis xAxis, IYAxis yAxis, double centralLatitudeDeg) : IAxisRule
{
    private readonly double _cosLat = Math.Cos(centralLatitudeDeg * Math.PI / 180.0);

    public void Apply(RenderPack rp, bool beforeLayout)
    {
        var w = rp.DataRect.Width;
        var h = rp.DataRect.Height;
        if (w <= 0 || h <= 0) return;
        var kmPerPxX = (xAxis.Max - xAxis.Min) * _cosLat / w;
        var kmPerPxY = (yAxis.Max - yAxis.Min) / h;
        var k = Math.Max(kmPerPxX, kmPerPxY);
        var cx = (xAxis.Max + xAxis.Min) / 2;
        var cy = (yAxis.Max + yAxis.Min) / 2;
        var halfW = w / 2 * k / _cosLat;
        var halfH = h / 2 * k;
        xAxis.Range.Set(cx - halfW, cx + halfW);
        yAxis.Range.Set(cy - halfH, cy + halfH);
    }
}
