using System.Text;

namespace QuakeGrid.Cli.Output;

/// <summary>
/// Writes a file completely to a temporary file in the target folder, then moves it over the target, so a failed
/// or interrupted run never leaves a half-written output behind.
/// </summary>
public static class AtomicFile
{
    public static void WriteText(string path, Action<TextWriter> write) =>
        WriteStream(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            writer.NewLine = "\n";
            write(writer);
        });

    public static void WriteStream(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
            }
            File.Move(tmp, full, overwrite: true);
        }
        catch
        {
            if (File.Exists(tmp)) File.Delete(tmp);
            throw;
        }
    }
}
