namespace QuakeGrid.Cli.Output;

/// <summary>
/// Writes one file completely to a temporary file in the target folder, then moves it over the target, so a failed
/// or interrupted run never leaves a half-written output behind.
/// </summary>
public static class AtomicFile
{
    public static void WriteText(string path, Action<TextWriter> write)
    {
        using var staged = new StagedFiles();
        staged.WriteText(path, write);
        staged.Commit();
    }

    public static void WriteStream(string path, Action<Stream> write)
    {
        using var staged = new StagedFiles();
        staged.WriteStream(path, write);
        staged.Commit();
    }
}
