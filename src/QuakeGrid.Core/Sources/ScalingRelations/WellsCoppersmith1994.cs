namespace QuakeGrid.Core.Sources.ScalingRelations;

/// <summary>
/// Wells &amp; Coppersmith (1994, BSSA 84(4), 974–1002) magnitude–rupture-area relations, Table 2A, as OpenQuake <c>WC1994</c>:
/// log10 A = a + b·M with (a, b) = (−3.42, 0.90) strike-slip (−45 ≤ rake ≤ 45 or |rake| ≥ 135), (−3.99, 0.98) reverse (rake &gt; 0),
/// (−2.87, 0.82) normal (rake &lt; 0), and (−3.49, 0.91) "all" when the rake is undefined (NaN). A in km².
/// </summary>
public sealed class WellsCoppersmith1994 : IMagnitudeScalingRelation
{
    public string Name => "WC1994";

    public double MedianArea(double magnitude, double rake)
    {
        if (double.IsNaN(rake)) return Math.Pow(10.0, -3.49 + 0.91 * magnitude);
        if ((rake >= -45 && rake <= 45) || rake >= 135 || rake <= -135) return Math.Pow(10.0, -3.42 + 0.90 * magnitude);
        if (rake > 0) return Math.Pow(10.0, -3.99 + 0.98 * magnitude);
        return Math.Pow(10.0, -2.87 + 0.82 * magnitude);
    }
}
