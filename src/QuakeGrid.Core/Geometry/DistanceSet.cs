namespace QuakeGrid.Core.Geometry;

/// <summary>
/// Site-to-rupture distances as structure-of-arrays, all in km:
/// Rjb (Joyner-Boore), Rrup (closest to rupture), Rx (perpendicular to the top-edge strike, positive on the hanging wall),
/// Ry0 (along strike beyond the ends, 0 between them), Repi (epicentral), Rhypo (hypocentral).
/// Definitions follow OpenQuake hazardlib and Ancheta et al. (2014, Earthquake Spectra 30(3)).
/// </summary>
public sealed class DistanceSet
{
    public DistanceSet(int count)
    {
        Rjb = new double[count];
        Rrup = new double[count];
        Rx = new double[count];
        Ry0 = new double[count];
        Repi = new double[count];
        Rhypo = new double[count];
    }

    public double[] Rjb { get; }
    public double[] Rrup { get; }
    public double[] Rx { get; }
    public double[] Ry0 { get; }
    public double[] Repi { get; }
    public double[] Rhypo { get; }
    public int Count => Rjb.Length;
}
