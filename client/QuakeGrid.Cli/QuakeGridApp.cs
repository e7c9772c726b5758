using System.CommandLine;
using QuakeGrid.Cli.Commands;
using QuakeGrid.Core.Validation;
using Spectre.Console;

namespace QuakeGrid.Cli;

/// <summary>
/// The <c>quakegrid</c> command line as a library entry point, so that tests can run it in-process with their own
/// writers. User errors (<see cref="QuakeGridInputException"/>) print one line to <c>err</c> and return
/// <see cref="ExitCodes.BadInput"/>; nothing is written to the output files in that case.
/// </summary>
public static class QuakeGridApp
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var env = new CliEnvironment(output, error, CreateConsole(output));
        var root = BuildRootCommand(env);
        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        var parse = root.Parse(args);
        if (ClusterCommands.Refusal(parse, root.Options.OfType<Option<string?>>().Single(o => o.Name == ClusterOption.Name)) is { } refusal)
        {
            error.WriteLine("error: " + refusal);
            return ExitCodes.BadInput;
        }
        try
        {
            return await parse.InvokeAsync(config, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (FindInputError(e) is { } input)
        {
            error.WriteLine("error: " + input.Message);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            error.WriteLine("error: cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine("error: " + e.Message);
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            error.WriteLine("error: " + e.Message);
            if (Environment.GetEnvironmentVariable("QUAKEGRID_DEBUG") == "1") error.WriteLine(e);
            else error.WriteLine("(set QUAKEGRID_DEBUG=1 for details, QUAKEGRID_LOG_LEVEL=Information for cluster logs)");
            return ExitCodes.Failure;
        }
    }

    /// <summary>Builds the command tree: the global <c>--cluster</c> option and one sub-command per job kind.</summary>
    public static RootCommand BuildRootCommand(CliEnvironment env)
    {
        var root = new RootCommand("QuakeGrid: regional earthquake ground-motion, hazard and risk on an Orleans cluster.");
        var cluster = ClusterOption.Create();
        root.Options.Add(cluster);
        root.Subcommands.Add(GmmCommand.Create(env));
        root.Subcommands.Add(ScenarioCommand.Create(env, cluster));
        root.Subcommands.Add(BenchCommand.Create(env));
        root.Subcommands.Add(FitCorrelationCommand.Create(env, cluster));
        root.Subcommands.Add(CorrelationLoglikCommand.Create(env));
        root.Subcommands.Add(GmfCommand.Create(env));
        root.Subcommands.Add(ConditionCommand.Create(env, cluster));
        root.Subcommands.Add(CorrelationCommand.Create(env));
        root.Subcommands.Add(HazardCommand.Create(env, cluster));
        return root;
    }

    private static QuakeGridInputException? FindInputError(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is QuakeGridInputException q) return q;
            if (x is AggregateException { InnerExceptions.Count: 1 } agg && agg.InnerExceptions[0] is QuakeGridInputException q2) return q2;
        }
        return null;
    }

    /// <summary>
    /// A Spectre console over <paramref name="output"/>: colours and a live progress bar on a terminal; plain text
    /// without escape codes when the output is redirected or is not the process console (tests).
    /// </summary>
    private static IAnsiConsole CreateConsole(TextWriter output)
    {
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
    }
}
