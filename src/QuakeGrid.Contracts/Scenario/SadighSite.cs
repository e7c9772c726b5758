namespace QuakeGrid.Contracts.Scenario;

/// <summary>Which Sadigh et al. (1997) equations to use.</summary>
[GenerateSerializer, Alias("QuakeGrid.SadighSite")]
public enum SadighSite
{
    /// <summary>Rock when Vs30 &gt; 750 m/s, deep soil otherwise.</summary>
    ByVs30 = 0,
    /// <summary>Rock equations for every site.</summary>
    Rock = 1,
    /// <summary>Deep-soil equations for every site.</summary>
    Soil = 2,
}
