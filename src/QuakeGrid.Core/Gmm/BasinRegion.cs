namespace QuakeGrid.Core.Gmm;

/// <summary>Basin-depth (z1.0) model of BSSA14 (Boore et al. 2014, eq. 11): none, California or Japan.</summary>
public enum BasinRegion
{
    /// <summary>No basin term (OpenQuake region <c>nobasin</c>).</summary>
    None,
    /// <summary>California z1.0(Vs30) relation (OpenQuake region <c>CAL</c>).</summary>
    California,
    /// <summary>Japan z1.0(Vs30) relation (OpenQuake region <c>JPN</c>).</summary>
    Japan,
}
