namespace QuakeGrid.Contracts.Scenario;

/// <summary>Life cycle of a scenario job.</summary>
[GenerateSerializer, Alias("QuakeGrid.ScenarioJobStatus")]
public enum ScenarioJobStatus
{
    /// <summary>The coordinator has no job under this id.</summary>
    Unknown = 0,
    /// <summary>Regions are being computed.</summary>
    Running = 1,
    /// <summary>Every region is done; results can be fetched.</summary>
    Completed = 2,
    /// <summary>The job stopped with an error (see <see cref="ScenarioJobProgress.Error"/>).</summary>
    Failed = 3,
}
