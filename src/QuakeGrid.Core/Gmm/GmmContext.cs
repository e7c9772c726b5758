namespace QuakeGrid.Core.Gmm;

/// <summary>
/// Inputs to a ground-motion model for n records, as structure-of-arrays (OpenQuake's context, one row per
/// rupture-site pair). Magnitude Mw; rake degrees; distances km; Vs30 m/s; z1.0 metres (NaN = unknown);
/// ZTor and dip of the rupture in km and degrees (only some models use them).
/// </summary>
public readonly ref struct GmmContext
{
    public GmmContext(ReadOnlySpan<double> mag, ReadOnlySpan<double> rake, ReadOnlySpan<double> rjb,
        ReadOnlySpan<double> rrup, ReadOnlySpan<double> vs30, ReadOnlySpan<double> z1pt0)
    {
        var n = mag.Length;
        if (rake.Length != n || rjb.Length != n || rrup.Length != n || vs30.Length != n || z1pt0.Length != n)
            throw new ArgumentException("all GMM context spans must have the same length");
        Mag = mag; Rake = rake; Rjb = rjb; Rrup = rrup; Vs30 = vs30; Z1pt0 = z1pt0;
    }

    public ReadOnlySpan<double> Mag { get; }
    public ReadOnlySpan<double> Rake { get; }
    public ReadOnlySpan<double> Rjb { get; }
    public ReadOnlySpan<double> Rrup { get; }
    public ReadOnlySpan<double> Vs30 { get; }
    public ReadOnlySpan<double> Z1pt0 { get; }
    public int Count => Mag.Length;
}
