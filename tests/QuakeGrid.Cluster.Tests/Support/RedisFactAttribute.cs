namespace QuakeGrid.Cluster.Tests.Support;

/// <summary>A fact that is skipped, with the reason, when no Redis can be had and the run is not CI.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisAvailability.SkipReason() is { } reason) Skip = reason;
    }
}
