using QuakeGrid.Cli;

// The Orleans hosts log to standard error at QUAKEGRID_LOG_LEVEL (client library default: Error, with stack traces).
// The tool reports failures itself in one line, so unless the user asks for logs it keeps only critical ones.
if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("QUAKEGRID_LOG_LEVEL")))
    Environment.SetEnvironmentVariable("QUAKEGRID_LOG_LEVEL", "Critical");

return await QuakeGridApp.RunAsync(args, Console.Out, Console.Error);
