namespace QuakeGrid.Core.Gmm;

/// <summary>
/// Options of the ground-motion models built by <see cref="GmmFactory"/>. Each model rejects options it does not
/// implement (for example a basin term for Sadigh et al. 1997) instead of ignoring them.
/// </summary>
/// <param name="Basin">BSSA14 basin-depth term (Boore et al. 2014, eq. 9-11); needs z1.0 in metres.</param>
/// <param name="Attenuation">BSSA14 regional anelastic attenuation (Dc3 of Boore et al. 2014, Table 2).</param>
/// <param name="StyleOfFaulting">BSSA14: true derives the fault type from the rake (e1/e2/e3); false uses the
/// unspecified-mechanism coefficient e0 and ignores the rake.</param>
/// <param name="SadighSite">Sadigh et al. (1997): rock or deep-soil equations, or chosen per record by Vs30.</param>
public sealed record GmmOptions(
    BasinRegion Basin = BasinRegion.None,
    AttenuationRegion Attenuation = AttenuationRegion.Global,
    bool StyleOfFaulting = true,
    SadighSiteClass SadighSite = SadighSiteClass.ByVs30)
{
    /// <summary>No basin term, global attenuation, style of faulting from the rake, Sadigh site class by Vs30.</summary>
    public static GmmOptions Default { get; } = new();
}
