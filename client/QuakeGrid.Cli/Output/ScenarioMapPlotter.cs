using System.Globalization;
using ScottPlot;

namespace QuakeGrid.Cli.Output;

/// <summary>
/// Renders a ground-motion map as PNG: sites coloured by value on a logarithmic colour scale (Turbo colormap, colour
/// bar labelled in the value's unit), overlay lines and markers (rupture top edge, epicentre, stations, source
/// outlines), axes in degrees with a kilometre-true aspect, and a title.
/// </summary>
public static class ScenarioMapPlotter
{
    private const int ColourBins = 96;
    private const int Width = 1100;

    public static byte[] RenderPng(MapLayer layer)
    {
        var n = layer.Values.Length;
        if (n == 0) throw new ArgumentException("nothing to map: no sites");
        var logMin = double.PositiveInfinity;
        var logMax = double.NegativeInfinity;
        var logs = new double[n];
        for (var i = 0; i < n; i++)
        {
            logs[i] = Math.Log10(layer.Values[i]);
            logMin = Math.Min(logMin, logs[i]);
            logMax = Math.Max(logMax, logs[i]);
        }
        if (logMax - logMin < 1e-6) { logMin -= 0.05; logMax += 0.05; }

        var plot = new Plot();
        var colormap = new ScottPlot.Colormaps.Turbo();
        AddBinnedMarkers(plot, layer, logs, logMin, logMax, colormap);

        var overlayLon = new List<double>();
        var overlayLat = new List<double>();
        foreach (var line in layer.Lines)
        {
            var vertices = line.Closed && line.Vertices.Count > 2 ? [.. line.Vertices, line.Vertices[0]] : line.Vertices.ToList();
            var xs = vertices.Select(p => p.Lon).ToArray();
            var ys = vertices.Select(p => p.Lat).ToArray();
            overlayLon.AddRange(xs);
            overlayLat.AddRange(ys);
            if (xs.Length < 2) continue;
            var scatter = plot.Add.ScatterLine(xs, ys, Colors.Black);
            scatter.LineWidth = 3;
            scatter.MarkerSize = 0;
            scatter.LegendText = line.Label;
        }
        foreach (var set in layer.Points)
        {
            if (set.Locations.Count == 0) continue;
            var xs = set.Locations.Select(p => p.Lon).ToArray();
            var ys = set.Locations.Select(p => p.Lat).ToArray();
            overlayLon.AddRange(xs);
            overlayLat.AddRange(ys);
            var markers = set.Marker == MapMarker.Epicentre
                ? plot.Add.Markers(xs, ys, MarkerShape.FilledDiamond, 16, Colors.Magenta)
                : plot.Add.Markers(xs, ys, MarkerShape.OpenTriangleUp, 9, Colors.Black);
            markers.LegendText = set.Label;
        }
        plot.ShowLegend(Alignment.UpperRight);

        var bar = plot.Add.ColorBar(new FixedColorAxis(colormap, new ScottPlot.Range(logMin, logMax)));
        bar.Label = $"{layer.ValueName} ({layer.Unit})";
        bar.Axis.TickGenerator = LogTicks(logMin, logMax);

        plot.Title(layer.Title);
        plot.XLabel("Longitude (°)");
        plot.YLabel("Latitude (°)");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { TickDensity = 0.6 };
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { TickDensity = 0.6 };

        var (lonMin, lonMax) = Extent(layer.Lon, overlayLon);
        var (latMin, latMax) = Extent(layer.Lat, overlayLat);
        var padLon = Math.Max(0.01, 0.04 * (lonMax - lonMin));
        var padLat = Math.Max(0.01, 0.04 * (latMax - latMin));
        plot.Axes.SetLimits(lonMin - padLon, lonMax + padLon, latMin - padLat, latMax + padLat);
        var centralLat = (latMin + latMax) / 2;
        plot.Axes.Rules.Add(new GeoAspectRule(plot.Axes.Bottom, plot.Axes.Left, centralLat));

        var cos = Math.Cos(centralLat * Math.PI / 180);
        var aspect = (latMax - latMin + 2 * padLat) / ((lonMax - lonMin + 2 * padLon) * cos);
        var dataWidth = Width - 260;
        var height = (int)Math.Clamp(dataWidth * aspect + 140, 500, 1600);
        return plot.GetImageBytes(Width, height, ImageFormat.Png);
    }

    private static void AddBinnedMarkers(Plot plot, MapLayer layer, double[] logs, double logMin, double logMax, IColormap colormap)
    {
        var bins = new List<int>[ColourBins];
        for (var b = 0; b < ColourBins; b++) bins[b] = [];
        var span = logMax - logMin;
        for (var i = 0; i < logs.Length; i++)
        {
            var b = (int)((logs[i] - logMin) / span * ColourBins);
            bins[Math.Clamp(b, 0, ColourBins - 1)].Add(i);
        }
        var size = layer.Values.Length > 20000 ? 3f : layer.Values.Length > 2000 ? 4f : 7f;
        for (var b = 0; b < ColourBins; b++)
        {
            if (bins[b].Count == 0) continue;
            var xs = bins[b].Select(i => layer.Lon[i]).ToArray();
            var ys = bins[b].Select(i => layer.Lat[i]).ToArray();
            var colour = colormap.GetColor((b + 0.5) / ColourBins);
            var markers = plot.Add.Markers(xs, ys, MarkerShape.FilledSquare, size, colour);
            markers.LegendText = string.Empty;
        }
    }

    /// <summary>Colour-bar ticks at 1-2-5 values of the linear quantity, placed at their log10 positions.</summary>
    private static ScottPlot.TickGenerators.NumericManual LogTicks(double logMin, double logMax)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var candidates = new List<double>();
        for (var e = (int)Math.Floor(logMin) - 1; e <= (int)Math.Ceiling(logMax) + 1; e++)
            foreach (var m in new[] { 1.0, 2.0, 5.0 })
                candidates.Add(m * Math.Pow(10, e));
        var inside = candidates.Where(v => Math.Log10(v) >= logMin - 1e-9 && Math.Log10(v) <= logMax + 1e-9).ToList();
        if (inside.Count < 4)
        {
            // Less than a decade: use finer 1..9 steps.
            inside = [];
            for (var e = (int)Math.Floor(logMin) - 1; e <= (int)Math.Ceiling(logMax) + 1; e++)
                for (var m = 1; m <= 9; m++)
                {
                    var v = m * Math.Pow(10, e);
                    if (Math.Log10(v) >= logMin - 1e-9 && Math.Log10(v) <= logMax + 1e-9) inside.Add(v);
                }
        }
        if (inside.Count < 2)
        {
            inside = [Math.Pow(10, logMin), Math.Pow(10, logMax)];
        }
        foreach (var v in inside) ticks.AddMajor(Math.Log10(v), v.ToString("G3", CultureInfo.InvariantCulture));
        return ticks;
    }

    private static (double Min, double Max) Extent(double[] values, List<double> extra)
    {
        var min = values.Min();
        var max = values.Max();
        if (extra.Count > 0) { min = Math.Min(min, extra.Min()); max = Math.Max(max, extra.Max()); }
        return (min, max);
    }
}
