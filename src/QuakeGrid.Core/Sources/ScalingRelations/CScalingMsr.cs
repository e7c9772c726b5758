using System.Globalization;

namespace QuakeGrid.Core.Sources.ScalingRelations;

/// <summary>
/// OpenQuake <c>CScalingMSR</c> (openquake.hazardlib.scalerel.cscaling): a one-parameter relation log10 A = M − C
/// (A in km²), C typically 3.70–4.40. OpenQuake writes it as <c>CScalingMSR.C = 3.90</c>.
/// </summary>
public sealed class CScalingMsr : IMagnitudeScalingRelation
{
    public CScalingMsr(double c)
    {
        if (!double.IsFinite(c)) throw new ArgumentException($"CScalingMSR coefficient C = {c} must be finite");
        C = c;
    }

    /// <summary>The constant C in log10 A = M − C.</summary>
    public double C { get; }

    /// <summary>OpenQuake's representation, e.g. <c>CScalingMSR.C = 3.90</c>.</summary>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"CScalingMSR.C = {C:F2}");

    public double MedianArea(double magnitude, double rake) => Math.Pow(10.0, magnitude - C);
}
