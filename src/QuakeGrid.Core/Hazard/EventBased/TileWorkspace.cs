namespace QuakeGrid.Core.Hazard.EventBased;

/// <summary>
/// Reusable buffers of one <see cref="EventBasedTile.Simulate"/> call (a tile keeps a pool, one per concurrent call): the
/// distance filter, an arena with the within-distance sites of the ruptures of the current sweep and their GMM outputs
/// (structure of arrays, grown by doubling, never shrunk), the field buffer (closure rows × lanes), closure marks and
/// the per-site level histograms. No allocation per rupture or event after warm-up.
/// </summary>
internal sealed class TileWorkspace
{
    /// <summary>
    /// Buffers for a tile of <paramref name="tileSites"/> sites, <paramref name="fieldRows"/> closure rows, sweeps of
    /// <paramref name="width"/> lanes, <paramref name="branches"/> GMM branches and the IMTs' <paramref name="bins"/>.
    /// <paramref name="genericContext"/>: whether some GMM branch uses <see cref="Gmm.IGroundMotionModel.Compute"/>; only then
    /// are the arena's context columns (<see cref="ARjb"/>, <see cref="ARrup"/>, <see cref="Vs30"/>, <see cref="Z1pt0"/>,
    /// <see cref="Mag"/>, <see cref="Rake"/>), <see cref="Tau"/> and <see cref="Sigma"/> allocated (hazard batches need none:
    /// their τ is per rupture, <see cref="RuptureTau"/>), which saves 12 of the arena's 20 columns (3 IMTs) and their
    /// growth (allocation, zeroing, page faults, copies).
    /// </summary>
    public TileWorkspace(int tileSites, int fieldRows, int width, int branches, LevelBins[] bins, bool genericContext)
    {
        _genericContext = genericContext;
        Filter = new SiteDistanceFilter(tileSites);
        Index = new int[tileSites];
        Rjb = new double[tileSites];
        Rrup = new double[tileSites];
        Width = width;
        Y = new double[(long)fieldRows * width];
        FieldRows = fieldRows;
        Marks = new byte[fieldRows];
        Rows = new int[fieldRows];
        Keys = new ulong[width];
        EventSeeds = new ulong[width];
        LaneDraw = new int[width];
        Eta = new double[width];
        Segments = new Segment[width];
        RuptureTau = new double[width * branches * bins.Length];
        CountBuffer = new int[HistogramCounting.BufferLength(width)];
        Hist = new ushort[branches][][];
        for (var b = 0; b < branches; b++)
        {
            Hist[b] = new ushort[bins.Length][];
            for (var k = 0; k < bins.Length; k++) Hist[b][k] = new ushort[(long)tileSites * bins[k].Bins];
        }
        _branches = branches;
        _imts = bins.Length;
        // Room for the sites of eight full-tile ruptures (or every lane's; the Nepal benchmark's sweeps need up to about
        // four): the arrays are allocated uninitialised, so pages never used are never touched, whereas doubling from a
        // small arena touches (faults in) about twice the pages and copies the arena at each step.
        Grow((int)Math.Min((long)tileSites * width, Math.Max(4096L, 8L * tileSites)));
    }

    private readonly int _branches;
    private readonly int _imts;
    private readonly bool _genericContext;

    public SiteDistanceFilter Filter { get; }
    public int[] Index { get; }
    public double[] Rjb { get; }
    public double[] Rrup { get; }
    public int Width { get; }
    /// <summary>Fields as swept: row · Width + lane.</summary>
    public double[] Y { get; }
    public int FieldRows { get; }
    public byte[] Marks { get; }
    public int[] Rows { get; }
    /// <summary>Per lane: within-event key of the current IMT.</summary>
    public ulong[] Keys { get; }
    public ulong[] EventSeeds { get; }
    /// <summary>Per lane: posterior draw index of the lane's event (posterior correlation only).</summary>
    public int[] LaneDraw { get; }
    /// <summary>Per lane: between-event η of the current IMT.</summary>
    public double[] Eta { get; }
    public Segment[] Segments { get; }
    /// <summary>Per segment g, branch b and IMT k: <c>[(g · branches + b) · imts + k]</c>, the rupture's τ from a hazard
    /// batch (<see cref="Gmm.IHazardGmmBatch"/>; branches on the generic path use <see cref="Tau"/>).</summary>
    public double[] RuptureTau { get; }
    /// <summary>The τ of segment <paramref name="segment"/> and branch <paramref name="branch"/>, one per IMT.</summary>
    public Span<double> RuptureTauOf(int segment, int branch) => RuptureTau.AsSpan((segment * _branches + branch) * _imts, _imts);
    /// <summary>Scratch of <see cref="HistogramCounting"/> (histogram offsets of a chunk of sites).</summary>
    public int[] CountBuffer { get; }
    public int SegmentCount { get; set; }
    public int Lanes { get; set; }
    public int ArenaUsed { get; set; }
    public long SiteEvents { get; set; }
    public long Events { get; set; }
    // Profile ticks of the current call.
    public long DistanceTicks, GmmTicks, FieldTicks, CountTicks, FieldValues;
    /// <summary>Thread CPU time of the counting, ns (<see cref="ThreadCpuTime"/>).</summary>
    public long CountCpuNs;
    /// <summary>[branch][imt][localSite · bins + bin], 16-bit (a quarter of the memory traffic of 64-bit counts, so the
    /// histograms of a sweep's sites stay in cache); drained into 64-bit exceedance counts before <see cref="HistEvents"/>
    /// could overflow them (<see cref="MaxHistEvents"/>).</summary>
    public ushort[][][] Hist { get; }
    /// <summary>Events counted into <see cref="Hist"/> since it was last drained (a site's count is at most this).</summary>
    public long HistEvents { get; set; }
    /// <summary>Most events <see cref="Hist"/> may hold: no 16-bit counter can overflow below it.</summary>
    public const long MaxHistEvents = ushort.MaxValue;
    /// <summary>Whether <see cref="Hist"/> may hold counts (false after a drain).</summary>
    public bool HistDirty { get; set; }

    // Arena (structure of arrays).
    public int Capacity { get; private set; }
    public int[] Site { get; private set; } = [];
    public int[] FieldRow { get; private set; } = [];
    /// <summary>Generic GMM context columns (empty unless the workspace was made with a generic GMM branch).</summary>
    public double[] ARjb { get; private set; } = [];
    public double[] ARrup { get; private set; } = [];
    public double[] Vs30 { get; private set; } = [];
    public double[] Z1pt0 { get; private set; } = [];
    public double[] Mag { get; private set; } = [];
    public double[] Rake { get; private set; } = [];
    public double[][][] Mu { get; private set; } = [];
    /// <summary>τ per site for generic GMM branches (arrays empty unless the workspace was made with a generic GMM branch).</summary>
    public double[][][] Tau { get; private set; } = [];
    public double[][][] Phi { get; private set; } = [];
    /// <summary>Total sigma per branch and IMT (arrays empty unless the workspace was made with a generic GMM branch).</summary>
    public double[][][] Sigma { get; private set; } = [];

    /// <summary>Makes room for <paramref name="more"/> arena entries beyond <see cref="ArenaUsed"/>.</summary>
    public void Ensure(int more)
    {
        var need = ArenaUsed + more;
        if (need <= Capacity) return;
        var cap = Math.Max(Capacity, 1024);
        while (cap < need) cap *= 2;
        Grow(cap);
    }

    private void Grow(int cap)
    {
        Site = Resize(Site, cap); FieldRow = Resize(FieldRow, cap);
        Mu = ResizeJagged(Mu, cap); Phi = ResizeJagged(Phi, cap);
        if (_genericContext)
        {
            Tau = ResizeJagged(Tau, cap);
            ARjb = Resize(ARjb, cap); ARrup = Resize(ARrup, cap); Vs30 = Resize(Vs30, cap); Z1pt0 = Resize(Z1pt0, cap);
            Mag = Resize(Mag, cap); Rake = Resize(Rake, cap);
            Sigma = ResizeJagged(Sigma, cap);
        }
        else if (Sigma.Length == 0) { Sigma = ResizeJagged(Sigma, 0); Tau = ResizeJagged(Tau, 0); }
        Capacity = cap;
    }

    /// <summary>A larger copy of the used part of <paramref name="a"/>; the rest is left uninitialised (no zeroing pass:
    /// arena entries are always written by <see cref="EventBasedTile"/> before they are read).</summary>
    private T[] Resize<T>(T[] a, int cap)
    {
        var r = GC.AllocateUninitializedArray<T>(cap);
        a.AsSpan(0, Math.Min(a.Length, ArenaUsed)).CopyTo(r);
        return r;
    }

    private double[][][] ResizeJagged(double[][][] a, int cap)
    {
        var r = new double[_branches][][];
        for (var b = 0; b < _branches; b++)
        {
            r[b] = new double[_imts][];
            for (var k = 0; k < _imts; k++) r[b][k] = a.Length == 0 ? GC.AllocateUninitializedArray<double>(cap) : Resize(a[b][k], cap);
        }
        return r;
    }

    /// <summary>Clears the histograms and counters for a new call.</summary>
    public void Reset()
    {
        if (HistDirty) foreach (var hb in Hist) foreach (var h in hb) Array.Clear(h);
        HistDirty = false;
        SegmentCount = 0; Lanes = 0; ArenaUsed = 0; SiteEvents = 0; Events = 0; HistEvents = 0;
        DistanceTicks = 0; GmmTicks = 0; FieldTicks = 0; CountTicks = 0; FieldValues = 0; CountCpuNs = 0;
    }

    /// <summary>One rupture's events in the current sweep: lanes [Lane, Lane + Events), arena [Offset, Offset + Sites).</summary>
    public struct Segment
    {
        public int Rupture;
        public int FirstOccurrence;
        public int Events;
        public int Lane;
        public int Offset;
        public int Sites;
    }
}
