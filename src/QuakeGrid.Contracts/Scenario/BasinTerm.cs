namespace QuakeGrid.Contracts.Scenario;

/// <summary>Basin-depth term of BSSA14, keyed on z1.0.</summary>
[GenerateSerializer, Alias("QuakeGrid.BasinTerm")]
public enum BasinTerm
{
    /// <summary>No basin term.</summary>
    None = 0,
    /// <summary>California z1.0 model.</summary>
    California = 1,
    /// <summary>Japan z1.0 model.</summary>
    Japan = 2,
}
