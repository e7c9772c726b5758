using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Conditioning;

/// <summary>
/// Correlation coefficient in [−1, 1] between the residuals of two IMTs at the same site (rho(a, a) = 1).
/// Within-event: Baker &amp; Jayaram (2008); between-event: Goda &amp; Atkinson (2009), as OpenQuake and ShakeMap use them.
/// Any implementation (for example the ones in <c>QuakeGrid.Core.Correlation</c>) can be passed as a method group.
/// </summary>
public delegate double CrossImtCorrelation(Imt a, Imt b);
