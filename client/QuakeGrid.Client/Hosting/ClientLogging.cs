using Microsoft.Extensions.Logging;

namespace QuakeGrid.Client.Hosting;

/// <summary>
/// Logging of the hosts the client library starts: console on standard error (so it never mixes with a tool's
/// output), at the level in the environment variable <c>QUAKEGRID_LOG_LEVEL</c> (default <c>Error</c>).
/// </summary>
public static class ClientLogging
{
    /// <summary>Name of the environment variable holding the minimum log level.</summary>
    public const string LevelVariable = "QUAKEGRID_LOG_LEVEL";

    /// <summary>Adds the console provider at the configured level.</summary>
    public static void Configure(ILoggingBuilder logging)
    {
        var text = Environment.GetEnvironmentVariable(LevelVariable);
        var level = LogLevel.Error;
        if (!string.IsNullOrWhiteSpace(text) && !Enum.TryParse(text, ignoreCase: true, out level))
            throw new ArgumentException($"environment variable {LevelVariable}='{text}' is not a log level (Trace, Debug, Information, Warning, Error, Critical, None)");
        logging.ClearProviders();
        logging.SetMinimumLevel(level);
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
