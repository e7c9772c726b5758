namespace QuakeGrid.Client;

/// <summary>Tuning of <see cref="HazardJobClient"/>.</summary>
public sealed class HazardJobClientOptions
{
    /// <summary>Interval between status polls (each poll also wakes a coordinator that moved after a silo loss).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Longest wait for one status poll before it is abandoned and retried: a poll routed to a silo that just died would
    /// otherwise wait for the full response timeout, while a retry reaches the coordinator reactivated elsewhere.
    /// </summary>
    public TimeSpan StatusTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Sites per curve or count page (at most <c>HazardJobLimits.MaxSitesPerPage</c>).</summary>
    public int PageSize { get; set; } = 2000;

    /// <summary>Attempts per grain call that fails for a transient reason (a silo went away).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Pause before a retry, multiplied by the attempt number.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
