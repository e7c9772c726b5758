namespace QuakeGrid.Cli;

/// <summary>Process exit codes of <c>quakegrid</c>.</summary>
public static class ExitCodes
{
    /// <summary>The job ran and its outputs were written.</summary>
    public const int Success = 0;
    /// <summary>An unexpected failure (I/O, cluster unreachable, internal error).</summary>
    public const int Failure = 1;
    /// <summary>Bad user input: a file, record or field named in the message; nothing was written.</summary>
    public const int BadInput = 2;
    /// <summary>The job was cancelled.</summary>
    public const int Cancelled = 130;
}
