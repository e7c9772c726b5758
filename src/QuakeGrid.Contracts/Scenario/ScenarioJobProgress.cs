namespace QuakeGrid.Contracts.Scenario;

/// <summary>Progress of a scenario job: regions done out of the total, and the error when it failed.</summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.ScenarioJobProgress")]
public sealed record ScenarioJobProgress(
    [property: Id(0)] string JobId,
    [property: Id(1)] ScenarioJobStatus Status,
    [property: Id(2)] int RegionsDone,
    [property: Id(3)] int RegionsTotal,
    [property: Id(4)] string? Error);
