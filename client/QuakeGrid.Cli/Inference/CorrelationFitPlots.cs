using QuakeGrid.Core.Inference;
using ScottPlot;
using SkiaSharp;

namespace QuakeGrid.Cli.Inference;

/// <summary>PNG figures of a correlation fit (ScottPlot 5): trace plots, posterior histograms, semivariogram.</summary>
public static class CorrelationFitPlots
{
    private const int PanelWidth = 900;
    private const int PanelHeight = 260;

    /// <summary>One trace panel per parameter, one line per chain (post-warm-up draws, natural units).</summary>
    public static byte[] TracePng(CorrelationFitResult fit)
    {
        var nuts = fit.Nuts ?? throw new InvalidOperationException("trace plots need posterior draws");
        var names = fit.ParameterNames;
        var panels = new List<Plot>();
        for (var k = 0; k < names.Length; k++)
        {
            var plot = new Plot();
            panels.Add(plot);
            for (var c = 0; c < nuts.Chains.Length; c++)
            {
                var ys = nuts.Chains[c].Draws.Select(q => Core.Inference.Likelihood.KernelParameters.FromUnconstrained(fit.Model, q).ToArray(fit.Model)[k]).ToArray();
                var line = plot.Add.Signal(ys);
                if (k == 0) line.LegendText = $"chain {c}";
                line.LineWidth = 1;
            }
            plot.YLabel(names[k] + Unit(names[k]));
            plot.XLabel("draw");
            if (k == 0) { plot.Title($"NUTS traces, model {fit.Model}"); plot.ShowLegend(Alignment.UpperRight); }
        }
        return Stack(panels);
    }

    /// <summary>One histogram per parameter of the pooled posterior draws, with the MAP marked.</summary>
    public static byte[] HistogramPng(CorrelationFitResult fit)
    {
        var names = fit.ParameterNames;
        var panels = new List<Plot>();
        var map = fit.Map.Parameters.ToArray(fit.Model);
        for (var k = 0; k < names.Length; k++)
        {
            var plot = new Plot();
            panels.Add(plot);
            var v = fit.PosteriorDraws.Select(d => d[k]).ToArray();
            var hist = ScottPlot.Statistics.Histogram.WithBinCount(40, v);
            var bars = plot.Add.Histogram(hist);
            var vl = plot.Add.VerticalLine(map[k]);
            vl.LegendText = "MAP";
            vl.Color = Colors.Red;
            plot.XLabel(names[k] + Unit(names[k]));
            plot.YLabel("draws");
            plot.Axes.Margins(bottom: 0);
            if (k == 0) { plot.Title($"Posterior histograms, model {fit.Model} ({v.Length} draws)"); plot.ShowLegend(Alignment.UpperRight); }
        }
        return Stack(panels);
    }

    /// <summary>Empirical semivariogram (pooled bins) against the WLS exponential fit and the posterior-mean (or MAP) model.</summary>
    public static byte[] SemivariogramPng(CorrelationFitResult fit)
    {
        var plot = new Plot();
        var bins = fit.Plot.Bins;
        var sc = plot.Add.ScatterPoints(bins.Select(b => b.MeanDistanceKm).ToArray(), bins.Select(b => b.Gamma).ToArray());
        sc.LegendText = "empirical (pooled within-event pairs)";
        sc.MarkerSize = 6;
        var fitted = plot.Add.ScatterLine(fit.Plot.Fitted.DistanceKm, fit.Plot.Fitted.Gamma);
        fitted.LegendText = $"{fit.Plot.Fitted.Label} (WLS exponential)";
        fitted.LineWidth = 2;
        foreach (var m in fit.Plot.PosteriorMeanModels)
        {
            var l = plot.Add.ScatterLine(m.DistanceKm, m.Gamma);
            var label = fit.Summary is null ? m.Label.Replace("posterior mean", "MAP", StringComparison.Ordinal) : m.Label;
            l.LegendText = fit.Model == Core.Inference.Likelihood.CorrelationModelKind.E ? label : label + " (d_A = d_S = 0)";
            l.LineWidth = 2;
            l.LinePattern = LinePattern.Dashed;
        }
        plot.Title($"Semivariogram, model {fit.Model}");
        plot.XLabel("epicentral separation distance (km)");
        plot.YLabel("semivariance of scaled within-event residuals");
        plot.Axes.SetLimits(0, fit.Plot.Fitted.DistanceKm.DefaultIfEmpty(100).Max(), 0, Math.Max(1.2, bins.Select(b => b.Gamma).DefaultIfEmpty(1).Max() * 1.05));
        plot.ShowLegend(Alignment.LowerRight);
        return plot.GetImageBytes(900, 600, ImageFormat.Png);
    }

    /// <summary>Renders the panels one below the other into one PNG.</summary>
    private static byte[] Stack(IReadOnlyList<Plot> panels)
    {
        using var surface = SKSurface.Create(new SKImageInfo(PanelWidth, PanelHeight * panels.Count));
        surface.Canvas.Clear(SKColors.White);
        for (var i = 0; i < panels.Count; i++)
        {
            using var bitmap = SKBitmap.Decode(panels[i].GetImageBytes(PanelWidth, PanelHeight, ImageFormat.Png));
            surface.Canvas.DrawBitmap(bitmap, 0, i * PanelHeight);
        }
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static string Unit(string name) => name switch
    {
        "LE" => " (km)",
        "LA" => " (deg)",
        "LS" => " (m/s)",
        _ => "",
    };
}
