using System.Text;

namespace QuakeGrid.Cli.Output;

/// <summary>
/// A set of output files written completely to temporary files beside their targets and moved into place only by
/// <see cref="Commit"/>, so a run that fails part-way leaves neither half-written files nor a partial set of outputs.
/// Disposing without committing deletes the temporary files.
/// </summary>
public sealed class StagedFiles : IDisposable
{
    private readonly List<(string Temp, string Target)> _files = [];

    /// <summary>Targets in the order they were staged.</summary>
    public IReadOnlyList<string> Targets => _files.Select(f => f.Target).ToArray();

    public void WriteText(string path, Action<TextWriter> write) =>
        WriteStream(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            writer.NewLine = "\n";
            write(writer);
        });

    public void WriteStream(string path, Action<Stream> write)
    {
        var target = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        _files.Add((temp, target));
        using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        write(stream);
    }

    /// <summary>Moves every staged file over its target.</summary>
    public void Commit()
    {
        foreach (var (temp, target) in _files) File.Move(temp, target, overwrite: true);
        _files.Clear();
    }

    public void Dispose()
    {
        foreach (var (temp, _) in _files)
        {
            try { File.Delete(temp); }
            catch (IOException) { }
        }
        _files.Clear();
    }
}
