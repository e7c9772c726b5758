using ScottPlot;

namespace QuakeGrid.Cli.Output;

/// <summary>A colour axis with a fixed colormap and value range, used to draw a colour bar for binned markers.</summary>
public sealed class FixedColorAxis(IColormap colormap, ScottPlot.Range range) : IHasColorAxis
{
    public IColormap Colormap { get; set; } = colormap;

    public ScottPlot.Range GetRange() => range;
}
