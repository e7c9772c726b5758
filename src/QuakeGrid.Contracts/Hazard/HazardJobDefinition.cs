namespace QuakeGrid.Contracts.Hazard;

/// <summary>
/// What a silo needs to rebuild a job's deterministic plan: the bundle and options as submitted, and
/// <see cref="Fingerprint"/> (SHA-256 of the bundle, hex) so caches never mix two jobs submitted under one id.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.HazardJobDefinition")]
public sealed record HazardJobDefinition(
    [property: Id(0)] string JobId,
    [property: Id(1)] JobBundle Bundle,
    [property: Id(2)] HazardJobOptions Options,
    [property: Id(3)] string Fingerprint);
