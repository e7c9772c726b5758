namespace QuakeGrid.Core.Imts;

/// <summary>Kind of intensity measure type.</summary>
public enum ImtKind
{
    /// <summary>Peak ground acceleration, g.</summary>
    Pga,
    /// <summary>Peak ground velocity, cm/s.</summary>
    Pgv,
    /// <summary>5 %-damped pseudo-spectral acceleration at a period, g.</summary>
    Sa,
}
