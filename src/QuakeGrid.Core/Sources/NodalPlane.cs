namespace QuakeGrid.Core.Sources;

/// <summary>A fault plane orientation with its probability: strike and dip in degrees, rake in degrees (Aki–Richards).</summary>
public readonly record struct NodalPlane(double Strike, double Dip, double Rake, double Probability);

/// <summary>A hypocentral depth (km) with its probability.</summary>
public readonly record struct HypoDepth(double Depth, double Probability);
