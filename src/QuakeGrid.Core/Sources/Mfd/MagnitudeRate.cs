namespace QuakeGrid.Core.Sources.Mfd;

/// <summary>One magnitude bin: centre magnitude (Mw) and its annual occurrence rate (events per year).</summary>
public readonly record struct MagnitudeRate(double Magnitude, double Rate);
