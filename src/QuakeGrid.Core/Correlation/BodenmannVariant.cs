namespace QuakeGrid.Core.Correlation;

/// <summary>The three kernels of Bodenmann, Baker &amp; Stojadinović (2023).</summary>
public enum BodenmannVariant
{
    /// <summary>Distance only: rho = rho_E.</summary>
    E,
    /// <summary>Distance and azimuth: rho = rho_E·rho_A.</summary>
    EA,
    /// <summary>Distance, azimuth and Vs30: rho = rho_E·(w·rho_A + (1 − w)·rho_S).</summary>
    EAS,
}

/// <summary>How d_E is computed for the Bodenmann kernels.</summary>
public enum BodenmannDistance
{
    /// <summary>Law of cosines from epicentral distance r (km) and azimuth theta: sqrt(r_i² + r_j² − 2 r_i r_j cos(theta_i − theta_j)).</summary>
    Epicentral,
    /// <summary>Great-circle distance between the sites.</summary>
    Geodesic,
}
