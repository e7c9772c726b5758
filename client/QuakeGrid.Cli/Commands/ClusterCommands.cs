using System.CommandLine;
using System.CommandLine.Parsing;

namespace QuakeGrid.Cli.Commands;

/// <summary>
/// The one place that decides which commands honour the global <c>--cluster</c> option: the commands named in
/// <see cref="Names"/> run on the cluster; every other command (and every <c>bench</c> sub-command) runs in this process,
/// and <see cref="QuakeGridApp"/> refuses a <c>--cluster</c> given to it with <see cref="Refusal"/> instead of ignoring it.
/// </summary>
public static class ClusterCommands
{
    /// <summary>Top-level commands with a cluster path (one name per line, sorted).</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "condition",
        "fit-correlation",
        "hazard",
        "scenario",
    ];

    /// <summary>
    /// The one-line error for a <c>--cluster</c> given to a command that runs in this process (checked before the parser's
    /// own errors are reported, so a refused command never gets further), or null when the option is absent or the command
    /// uses it.
    /// </summary>
    public static string? Refusal(ParseResult parse, Option<string?> cluster)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.GetResult(cluster) is not { Implicit: false }) return null;
        var path = new List<string>();
        for (SymbolResult? r = parse.CommandResult; r is CommandResult c && c.Command is not RootCommand; r = c.Parent)
            path.Insert(0, c.Command.Name);
        if (path.Count == 0 || Names.Contains(path[0], StringComparer.Ordinal)) return null;
        return $"--cluster: '{string.Join(' ', path)}' runs in this process and does not use a cluster; " +
               $"the commands that run on the cluster are {string.Join(", ", Names)}";
    }
}
