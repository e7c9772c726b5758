using System.Runtime.InteropServices;

namespace QuakeGrid.Cluster.Tests.Support;

/// <summary>POSIX signals to a child process (SIGTERM for a graceful stop; SIGKILL goes through Process.Kill).</summary>
public static class Signals
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <summary>Sends SIGTERM; returns false where POSIX signals are not available.</summary>
    public static bool Terminate(int pid) => !OperatingSystem.IsWindows() && Kill(pid, SigTerm) == 0;

    /// <summary>Sends SIGKILL to a process that is not a child of this one (a silo started by a script).</summary>
    public static bool KillHard(int pid) => !OperatingSystem.IsWindows() && Kill(pid, SigKill) == 0;
}
