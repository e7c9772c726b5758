using QuakeGrid.Core.Geometry;

namespace QuakeGrid.Core.Sources.Ruptures;

/// <summary>
/// Floating ruptures of a simple fault, as OpenQuake's <c>SimpleFaultSource.iter_ruptures</c>: the fault surface is
/// meshed at the rupture mesh spacing s (rows × cols nodes); the fault length and width are (cols − 1)·s and
/// (rows − 1)·s. For each magnitude the MSR area A gives length √(A·aspect) and width A/length; if A exceeds the fault
/// area the rupture is the whole fault; if the width exceeds the fault width it is set to it and the length scaled
/// to keep A (and symmetrically for the length). The rupture spans round(L/s)+1 columns and round(W/s)+1 rows and
/// floats over every position inside the fault mesh; each position gets an equal share of the bin rate.
/// </summary>
internal static class FloatingFaultRuptures
{
    public static void Append(List<ProbabilisticRupture> into, int sourceIndex, SimpleFaultSource source, RuptureSettings settings)
    {
        var s = settings.RuptureMeshSpacing;
        var geometry = new SimpleFaultGeometry(source.Trace, source.Dip, source.UpperSeismogenicDepth, source.LowerSeismogenicDepth);
        var mesh = geometry.Mesh(s);
        int rows = mesh.Rows, cols = mesh.Cols;
        var faultLength = (cols - 1) * s;
        var faultWidth = (rows - 1) * s;
        foreach (var bin in source.Mfd.Rates(settings.WidthOfMfdBin))
        {
            if (bin.Rate <= 0 || bin.Magnitude < settings.MinimumMagnitude) continue;
            var (rupCols, rupRows) = RuptureDimensions(source, bin.Magnitude, faultLength, faultWidth, s);
            rupCols = Math.Min(rupCols, cols);
            rupRows = Math.Min(rupRows, rows);
            var alongLength = cols - rupCols + 1;
            var alongWidth = rows - rupRows + 1;
            var rate = bin.Rate / (alongLength * alongWidth);
            for (var r0 = 0; r0 < alongWidth; r0++)
            for (var c0 = 0; c0 < alongLength; c0++)
            {
                var surface = mesh.SubSurface(r0, c0, rupRows, rupCols);
                var hypo = MeshMiddlePoint.Of(mesh, r0, c0, rupRows, rupCols);
                var indexInSource = into.Count;
                into.Add(new ProbabilisticRupture(new Rupture(bin.Magnitude, source.Rake, hypo, surface), rate, sourceIndex, indexInSource));
            }
        }
    }

    /// <summary>Rupture size in mesh nodes (columns along strike, rows down dip), OpenQuake's <c>_get_rupture_dimensions</c>.</summary>
    internal static (int Cols, int Rows) RuptureDimensions(SimpleFaultSource source, double magnitude, double faultLength, double faultWidth, double spacing)
    {
        var area = source.Msr.MedianArea(magnitude, source.Rake);
        var length = Math.Sqrt(area * source.RuptureAspectRatio);
        var width = area / length;
        if (area >= faultLength * faultWidth)
        {
            length = faultLength;
            width = faultWidth;
        }
        else if (width > faultWidth)
        {
            length *= width / faultWidth;
            width = faultWidth;
        }
        else if (length > faultLength)
        {
            width *= length / faultLength;
            length = faultLength;
        }
        var cols = (int)Math.Round(length / spacing, MidpointRounding.ToEven) + 1;
        var rows = (int)Math.Round(width / spacing, MidpointRounding.ToEven) + 1;
        return (cols, rows);
    }
}
