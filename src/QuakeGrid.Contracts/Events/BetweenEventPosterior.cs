namespace QuakeGrid.Contracts.Events;

/// <summary>
/// Posterior of the normalised between-event term H for one IMT given every station that observed it (Engler et al. 2022,
/// eqs. B8–B9; ShakeMap 4.1 step 2): mean <see cref="MuH"/> and variance <see cref="VarH"/> (prior N(0, 1)), and the
/// nominal bias (mean of tau_D · mu_H over the observations, ln units). <see cref="Stations"/> observed the IMT.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.BetweenEventPosterior")]
public sealed record BetweenEventPosterior(
    [property: Id(0)] string Imt,
    [property: Id(1)] int Stations,
    [property: Id(2)] double MuH,
    [property: Id(3)] double VarH,
    [property: Id(4)] double NominalBias);
