using Spectre.Console;

namespace QuakeGrid.Cli;

/// <summary>Where a command writes: plain text output, error output and a Spectre console over the output writer.</summary>
public sealed record CliEnvironment(TextWriter Out, TextWriter Err, IAnsiConsole Console);
