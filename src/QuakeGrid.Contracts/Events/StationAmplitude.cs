namespace QuakeGrid.Contracts.Events;

/// <summary>
/// One observed amplitude of a station: the IMT (OpenQuake spelling), the value in linear units (g for PGA and SA,
/// cm/s for PGV) and its ln standard deviation (0 for instrumental records, the ShakeMap <c>ln_sigma</c> otherwise).
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.StationAmplitude")]
public sealed record StationAmplitude(
    [property: Id(0)] string Imt,
    [property: Id(1)] double Value,
    [property: Id(2)] double LnSigma);
