namespace QuakeGrid.Contracts.Scenario;

/// <summary>
/// A ground-motion model on the wire: its name (OpenQuake class name such as <c>BooreEtAl2014</c>, or a short
/// alias the Core factory accepts) and its options as plain enums and flags.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.GmmSpec")]
public sealed record GmmSpec(
    [property: Id(0)] string Name,
    [property: Id(1)] BasinTerm Basin,
    [property: Id(2)] AttenuationRegion Attenuation,
    [property: Id(3)] bool StyleOfFaulting,
    [property: Id(4)] SadighSite SadighSite);
