using System.CommandLine;
using QuakeGrid.Client;

namespace QuakeGrid.Cli.Commands;

/// <summary>
/// The global <c>--cluster &lt;redis connection string&gt;</c> option. Absent: the job runs on an in-process silo
/// (localhost clustering, in-memory storage) that is shut down afterwards; present: the client joins the cluster
/// whose membership table is in that Redis.
/// </summary>
public static class ClusterOption
{
    /// <summary>The option's name.</summary>
    public const string Name = "--cluster";

    public static Option<string?> Create() => new(Name)
    {
        Description = "Redis connection string of a running QuakeGrid cluster (e.g. localhost:6379); used by " + string.Join(", ", ClusterCommands.Names) + " and refused by the other commands. Without it a job runs on an embedded silo or in this process (see each command).",
        Recursive = true,
        HelpName = "redis",
    };

    /// <summary>Starts an embedded silo, or connects to the cluster named by <paramref name="redis"/>.</summary>
    public static Task<QuakeGridConnection> ConnectAsync(string? redis, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(redis)
            ? QuakeGridConnection.StartEmbeddedAsync(ct)
            : QuakeGridConnection.ConnectAsync(redis, ct: ct);
}
