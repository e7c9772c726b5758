namespace QuakeGrid.Contracts.Scenario;

/// <summary>Regional anelastic attenuation of BSSA14.</summary>
[GenerateSerializer, Alias("QuakeGrid.AttenuationRegion")]
public enum AttenuationRegion
{
    /// <summary>Global (California) attenuation.</summary>
    Global = 0,
    /// <summary>China and Turkey.</summary>
    ChinaTurkey = 1,
    /// <summary>Italy and Japan.</summary>
    ItalyJapan = 2,
}
