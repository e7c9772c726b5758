namespace QuakeGrid.Core.Gmm;

/// <summary>Regional anelastic attenuation of BSSA14 (the Dc3 column of Boore et al. 2014, Table 2).</summary>
public enum AttenuationRegion
{
    /// <summary>Global / California / Taiwan / New Zealand: Dc3 = 0 (OpenQuake <c>BooreEtAl2014</c>).</summary>
    Global,
    /// <summary>China and Turkey, higher Q (OpenQuake <c>BooreEtAl2014HighQ</c>).</summary>
    ChinaTurkey,
    /// <summary>Italy and Japan, lower Q (OpenQuake <c>BooreEtAl2014LowQ</c>).</summary>
    ItalyJapan,
}
