namespace QuakeGrid.Core.Sources.Ruptures;

/// <summary>
/// Discretisation settings of rupture generation (OpenQuake job.ini <c>[erf]</c>): rupture mesh spacing (km),
/// truncated-GR magnitude bin width, area source discretisation (km; null = each area source must give its own) and
/// the minimum magnitude kept (ruptures below it are discarded; 0 keeps all).
/// </summary>
public sealed record RuptureSettings(double RuptureMeshSpacing, double WidthOfMfdBin, double? AreaSourceDiscretization, double MinimumMagnitude = 0.0);
