using System.Runtime.InteropServices;

namespace QuakeGrid.Core.Hazard.EventBased;

/// <summary>
/// CPU time of the calling thread (user + system), for profiles that must not count time the thread spent preempted
/// (Stopwatch intervals do): <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c> on Linux; elsewhere, or if the call fails,
/// <see cref="Available"/> is false and <see cref="Now"/> returns 0.
/// </summary>
internal static class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;
    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>Whether <see cref="Now"/> reads the thread's CPU clock.</summary>
    public static bool Available => !_unavailable;

    /// <summary>The calling thread's CPU time in nanoseconds (0 when unavailable).</summary>
    public static long Now()
    {
        if (_unavailable) return 0;
        try
        {
            if (ClockGetTime(ClockThreadCpuTimeId, out var ts) != 0) { _unavailable = true; return 0; }
            return ts.Seconds * 1_000_000_000L + ts.Nanoseconds;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return 0;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
