namespace QuakeGrid.Grains.HazardJob;

/// <summary>Silo-side tuning of hazard job coordinators (configure with <c>services.Configure&lt;HazardJobRuntimeOptions&gt;</c>).</summary>
public sealed class HazardJobRuntimeOptions
{
    /// <summary>Work items in flight per job when the job's options leave it automatic (0): 2 × this silo's processors.</summary>
    public int DefaultMaxConcurrentWorkItems { get; set; }

    /// <summary>Attempts per work item (and per region query) that fails for a transient reason before the job fails.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Pause before a retry, multiplied by the attempt number.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The concurrency to use for a job that asks for <paramref name="requested"/> (0 = automatic).</summary>
    public int Concurrency(int requested) =>
        requested > 0 ? requested : DefaultMaxConcurrentWorkItems > 0 ? DefaultMaxConcurrentWorkItems : 2 * Environment.ProcessorCount;
}
