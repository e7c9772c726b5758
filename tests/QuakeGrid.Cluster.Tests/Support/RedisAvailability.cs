namespace QuakeGrid.Cluster.Tests.Support;

/// <summary>
/// Where the multi-process tests get Redis: <c>QUAKEGRID_TEST_REDIS</c> (host:port) when set; otherwise a
/// <c>redis-server</c> found on PATH, started by the test; otherwise the tests are skipped, except under CI
/// (<c>CI=true</c>), where they fail with a clear message.
/// </summary>
public static class RedisAvailability
{
    public const string Variable = "QUAKEGRID_TEST_REDIS";

    public static string? ExternalRedis => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } v ? v : null;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Full path of redis-server on PATH, or null.</summary>
    public static string? RedisServerOnPath()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "redis-server");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Why the tests cannot run here, or null when they can (or must, under CI).</summary>
    public static string? SkipReason() =>
        ExternalRedis is null && RedisServerOnPath() is null && !IsCi
            ? $"no Redis: set {Variable}=host:port or put redis-server on PATH (with CI=true this is a failure, not a skip)"
            : null;

    /// <summary>The message a CI run fails with when Redis is missing.</summary>
    public static string CiFailure =>
        $"CI=true but no Redis is available: set {Variable}=host:port or install redis-server (the .ci/run script does both)";
}
