namespace QuakeGrid.Core.Gmm;

/// <summary>Which Sadigh et al. (1997) equations to use.</summary>
public enum SadighSiteClass
{
    /// <summary>Rock when Vs30 &gt; 750 m/s, deep soil otherwise (OpenQuake convention).</summary>
    ByVs30,
    /// <summary>Rock equations (Table 2) for every record.</summary>
    Rock,
    /// <summary>Deep-soil equations (Table 4) for every record.</summary>
    Soil,
}
