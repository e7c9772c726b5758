namespace QuakeGrid.Grains.Hosting;

/// <summary>Names of the grain storage providers QuakeGrid grains use.</summary>
public static class QuakeGridStorage
{
    /// <summary>Named storage for QuakeGrid grain state (region sites now; job state later). Redis in a real cluster, memory when embedded.</summary>
    public const string Name = "quakegrid";
}
