namespace QuakeGrid.Grains.Scenario;

/// <summary>Tuning of the scenario coordinator.</summary>
public sealed class ScenarioJobOptions
{
    /// <summary>Most region calls a coordinator keeps in flight at once.</summary>
    public int MaxConcurrentRegions { get; set; } = 16;

    /// <summary>Attempts per region when a call fails for a transient reason (silo lost, timeout).</summary>
    public int MaxAttemptsPerRegion { get; set; } = 4;

    /// <summary>Pause before retrying a region, multiplied by the attempt number.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);
}
