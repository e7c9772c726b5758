using System.Runtime.InteropServices;

namespace QuakeGrid.Core.Gp.Vecchia;

/// <summary>
/// Large uninitialised arrays whose pages are advised as transparent huge pages on Linux (madvise MADV_HUGEPAGE, used
/// when /sys/kernel/mm/transparent_hugepage/enabled is "madvise" or "always"). The Vecchia factor, the sampling block
/// buffers and the 10⁶ × 100 field buffer are hundreds of MB each, first touched once and then read at random
/// (neighbour rows): 2 MB pages cut the first-touch page faults 512-fold and the TLB misses of the sweeps. The advice is
/// only a hint: where it is refused or unavailable the arrays are ordinary. Contents are NOT zeroed.
/// </summary>
public static class LargeArray
{
    private const int MadvHugePage = 14;
    private const long HugePage = 2L * 1024 * 1024;
    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>An uninitialised array of <paramref name="length"/> elements, advised as huge pages when at least 4 MB.</summary>
    public static T[] Uninitialized<T>(long length) where T : unmanaged
    {
        var a = GC.AllocateUninitializedArray<T>(checked((int)length));
        Advise(a);
        return a;
    }

    private static unsafe void Advise<T>(T[] a) where T : unmanaged
    {
        var bytes = (long)a.Length * sizeof(T);
        if (_unavailable || bytes < 2 * HugePage) return;
        fixed (T* p = a)
        {
            var start = ((long)p + HugePage - 1) & ~(HugePage - 1);
            var end = ((long)p + bytes) & ~(HugePage - 1);
            if (end <= start) return;
            try
            {
                _ = Madvise((nint)start, (nuint)(end - start), MadvHugePage);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                _unavailable = true;
            }
        }
    }

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(nint address, nuint length, int advice);
}
