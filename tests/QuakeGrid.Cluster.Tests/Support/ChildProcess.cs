using System.Diagnostics;
using System.Text;

namespace QuakeGrid.Cluster.Tests.Support;

/// <summary>A child process whose output is kept (last lines) for failure messages; killed on dispose if still running.</summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    public ChildProcess(string name, string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null)
    {
        Name = name;
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        _process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        if (!_process.Start()) throw new InvalidOperationException($"could not start {name}: {file}");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    /// <summary>SIGKILL, no chance to clean up (a crashed machine).</summary>
    public void KillHard() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM and wait for the exit; true when it exited within <paramref name="timeout"/>.</summary>
    public async Task<bool> TerminateAsync(TimeSpan timeout)
    {
        if (_process.HasExited) return true;
        if (!Signals.Terminate(_process.Id)) _process.Kill();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log)
        {
            _log.AppendLine(line);
            if (_log.Length > 20_000) _log.Remove(0, _log.Length - 20_000);
        }
    }
}
