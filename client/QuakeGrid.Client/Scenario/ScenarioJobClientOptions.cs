namespace QuakeGrid.Client;

/// <summary>Tuning of <see cref="ScenarioJobClient"/>.</summary>
public sealed class ScenarioJobClientOptions
{
    /// <summary>Most tile uploads or result downloads in flight at once.</summary>
    public int MaxConcurrentTransfers { get; set; } = 8;

    /// <summary>Interval between progress polls.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Attempts per grain call that fails for a transient reason (a silo went away).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Pause before a retry, multiplied by the attempt number.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many times a job is restarted when its coordinator was lost with its silo.</summary>
    public int MaxJobRestarts { get; set; } = 3;
}
