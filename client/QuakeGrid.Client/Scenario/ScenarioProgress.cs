namespace QuakeGrid.Client;

/// <summary>Progress of a scenario job: region tiles done out of the total.</summary>
public sealed record ScenarioProgress(int RegionsDone, int RegionsTotal);
