using QuakeGrid.Cli;

namespace QuakeGrid.Cli.Tests.Support;

/// <summary>Runs <c>quakegrid</c> in-process and captures its exit code, standard output and standard error.</summary>
public sealed record CliRun(int ExitCode, string Out, string Err)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await QuakeGridApp.RunAsync(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- out\n{Out}\n--- err\n{Err}";
}
