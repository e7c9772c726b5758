using System.Diagnostics;
using System.Runtime.CompilerServices;
using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Gp.Vecchia;
using QuakeGrid.Core.Random;

namespace QuakeGrid.Core.Hazard.EventBased;

/// <summary>
/// Within-event fields of a tile for a Bodenmann et al. (2023) model EA or EAS posterior, whose kernels depend on the
/// rupture's epicentre: rho = rho_E·rho_A (EA) or rho_E·(w·rho_A + (1 − w)·rho_S) (EAS), with d_E and d_A from the
/// sites' epicentral distances and azimuths about the rupture's hypocentre (lon, lat) and d_S the difference of the site
/// model's Vs30 (<see cref="BodenmannCorrelation"/>, <see cref="BodenmannDistance.Epicentral"/>, as <c>quakegrid gmf</c>
/// builds the kernel for a scenario).
/// <para>
/// For each (occurring rupture, posterior draw) pair met in a sweep, the rows of that rupture's dependency closure in
/// this tile (the closure of its sites within the maximum distance) get their Vecchia weights with the draw's kernel and
/// the rupture's epicentre (<see cref="VecchiaFactor.ComputeRows"/> on the job's one <see cref="VecchiaStructure"/>, so
/// the conditioning sets are the nearest earlier sites as for model E): each row computed from its global sweep
/// position, the global sites and the epicentre only, so bit-identical whatever the tile. The rupture's events with that
/// draw are then swept over those rows (<see cref="VecchiaSubset.SweepLanes"/>, innovations keyed by (event, IMT,
/// global site) as for model E), for every IMT (the draw and the factor are shared by the IMTs). A rupture's factors
/// are kept while its events continue into the next sweep, then dropped.
/// </para>
/// Cost: one factor row per (rupture, draw, closure row): about m³/3 flops for the Cholesky plus m(m+1)/2 kernel
/// evaluations (each with two or three exp/pow), against m·IMTs·events flops for the sweep — fields dominate the run.
/// </summary>
internal sealed class EpicentreFactors
{
    private readonly EventBasedPlan _plan;
    private readonly PosteriorFactors _posterior;
    private readonly VecchiaSubset _subset;
    private readonly int[] _fieldRow;
    private readonly int _imts;
    private readonly int _width;
    private readonly ConditionalWeakTable<TileWorkspace, State> _states = new();
    private long _factors, _factorRows, _factorTicks;

    public EpicentreFactors(EventBasedPlan plan, PosteriorFactors posterior, VecchiaSubset subset, int[] fieldRow, int width)
    {
        _plan = plan;
        _posterior = posterior;
        _subset = subset;
        _fieldRow = fieldRow;
        _imts = plan.Imtls.Count;
        _width = width;
    }

    /// <summary>(Rupture, draw) factors computed so far.</summary>
    public long FactorCount => Interlocked.Read(ref _factors);
    /// <summary>Factor rows computed so far (Σ closure rows over the factors).</summary>
    public long FactorRows => Interlocked.Read(ref _factorRows);
    /// <summary>Time spent computing factor rows (epicentral coordinates, kernel, Cholesky): stopwatch time summed over threads (CPU time on an idle machine).</summary>
    public TimeSpan FactorTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _factorTicks));

    /// <summary>
    /// Draws the within-event fields of every IMT for the pending lanes of <paramref name="ws"/> (each segment's events
    /// at its rupture's closure rows); <see cref="Load"/> then copies one IMT into <see cref="TileWorkspace.Y"/>.
    /// </summary>
    public void Prepare(TileWorkspace ws)
    {
        var st = StateOf(ws);
        var keep = ws.SegmentCount > 0 ? ws.Segments[ws.SegmentCount - 1].Rupture : -1;
        for (var g = 0; g < ws.SegmentCount; g++)
        {
            var seg = ws.Segments[g];
            var maxRow = -1;
            for (var j = seg.Offset; j < seg.Offset + seg.Sites; j++)
            {
                var row = _fieldRow[ws.Site[j]];
                ws.Marks[row] = 1;
                if (row > maxRow) maxRow = row;
            }
            var rows = Rows(st, seg.Rupture, ws, maxRow);
            for (var q = 0; q < seg.Events; q++) st.Lanes[q] = seg.Lane + q;
            SweepRupture(st, seg.Rupture, rows, st.Lanes.AsSpan(0, seg.Events), ws.LaneDraw, ws.EventSeeds);
        }
        st.Forget(keep);
    }

    /// <summary>Copies IMT <paramref name="imt"/>'s fields at <paramref name="rows"/> (all lanes) into <see cref="TileWorkspace.Y"/>.</summary>
    public void Load(TileWorkspace ws, int imt, ReadOnlySpan<int> rows)
    {
        var f = StateOf(ws).Fields[imt];
        var w = _width;
        foreach (var r in rows) Array.Copy(f, (long)r * w, ws.Y, (long)r * w, w);
    }

    /// <summary>
    /// Fields of IMT <paramref name="imt"/> for events of occurring rupture <paramref name="rupture"/> with seeds
    /// <paramref name="eventSeeds"/> (at most the sweep width) at the closure rows of the marked rows
    /// (<see cref="TileWorkspace.Marks"/> up to <paramref name="maxRow"/>), into <see cref="TileWorkspace.Y"/> lanes 0…; for tests.
    /// </summary>
    public void Fields(TileWorkspace ws, int rupture, ReadOnlySpan<ulong> eventSeeds, int imt, int maxRow)
    {
        var st = StateOf(ws);
        st.Forget(-1);
        var rows = Rows(st, rupture, ws, maxRow);
        var n = eventSeeds.Length;
        for (var q = 0; q < n; q++)
        {
            st.Lanes[q] = q;
            st.Seeds[q] = eventSeeds[q];
            st.Draws[q] = _plan.DrawOf(eventSeeds[q]);
        }
        SweepRupture(st, rupture, rows, st.Lanes.AsSpan(0, n), st.Draws, st.Seeds);
        Load(ws, imt, rows);
        st.Forget(-1);
    }

    private State StateOf(TileWorkspace ws) => _states.GetValue(ws, _ => new State(_posterior.Sites, _subset.Count, _width, _imts));

    /// <summary>The closure rows of the marked rows for <paramref name="rupture"/> (from the cache when its factors are kept).</summary>
    private int[] Rows(State st, int rupture, TileWorkspace ws, int maxRow)
    {
        if (st.RowsOf.TryGetValue(rupture, out var cached))
        {
            for (var r = 0; r <= maxRow; r++) ws.Marks[r] = 0;
            return cached;
        }
        var n = maxRow < 0 ? 0 : _subset.Closure(ws.Marks, maxRow, st.Scratch);
        var rows = st.Scratch.AsSpan(0, n).ToArray();
        st.RowsOf[rupture] = rows;
        return rows;
    }

    /// <summary>Sweeps the lanes <paramref name="lanes"/> of one rupture (each with its draw) over its closure rows, every IMT.</summary>
    private void SweepRupture(State st, int rupture, int[] rows, ReadOnlySpan<int> lanes, int[] laneDraw, ulong[] laneSeed)
    {
        if (rows.Length == 0 || lanes.Length == 0) return;
        Span<int> group = stackalloc int[lanes.Length];
        var done = 0;
        Span<bool> taken = stackalloc bool[lanes.Length];
        while (done < lanes.Length)
        {
            var first = 0;
            while (taken[first]) first++;
            var draw = laneDraw[lanes[first]];
            var g = 0;
            for (var i = first; i < lanes.Length; i++)
                if (!taken[i] && laneDraw[lanes[i]] == draw) { taken[i] = true; group[g++] = lanes[i]; }
            done += g;
            var (w, sd) = Factor(st, rupture, draw, rows);
            for (var k = 0; k < _imts; k++)
            {
                for (var i = 0; i < g; i++) st.Keys[group[i]] = SeedDerivation.Derive(laneSeed[group[i]], k, "within");
                _subset.SweepLanes(rows, w, sd, group[..g], st.Keys, _width, st.Fields[k]);
            }
        }
    }

    /// <summary>The weights and sqrt(d) of <paramref name="rows"/> for (rupture, draw), computed once while the rupture is kept.</summary>
    private (double[] W, double[] Sd) Factor(State st, int rupture, int draw, int[] rows)
    {
        if (st.Factors.TryGetValue((rupture, draw), out var f)) return f;
        var t0 = Stopwatch.GetTimestamp();
        var hypo = _plan.Occurring.Ruptures[rupture].Rupture.Hypocenter;
        var sites = st.Sites;
        var positions = new int[rows.Length];
        for (var r = 0; r < rows.Length; r++)
        {
            positions[r] = _subset.Positions[rows[r]];
            var s = _subset.Sites[rows[r]];
            if (st.EpicentreOf[s] == rupture + 1) continue;
            st.EpicentreOf[s] = rupture + 1;
            sites.EpiDistance[s] = Geodesy.DistanceKm(hypo.Lon, hypo.Lat, sites.Lon[s], sites.Lat[s]);
            sites.EpiAzimuth[s] = Geodesy.AzimuthDeg(hypo.Lon, hypo.Lat, sites.Lon[s], sites.Lat[s]);
        }
        var m = _subset.Neighbours;
        var w = new double[(long)rows.Length * m];
        var sd = new double[rows.Length];
        VecchiaFactor.ComputeRows(_posterior.Structure, sites, _posterior.Kernels[draw], positions, w, sd, 0.0, maxParallelism: 1);
        f = (w, sd);
        st.Factors[(rupture, draw)] = f;
        Interlocked.Increment(ref _factors);
        Interlocked.Add(ref _factorRows, rows.Length);
        Interlocked.Add(ref _factorTicks, Stopwatch.GetTimestamp() - t0);
        return f;
    }

    /// <summary>Per workspace (one thread at a time): epicentral coordinates, factor cache and one field buffer per IMT.</summary>
    private sealed class State
    {
        public State(CorrelationSites all, int rows, int width, int imts)
        {
            var n = all.Count;
            Sites = new CorrelationSites(all.Lon, all.Lat, all.X, all.Y, all.Vs30, new double[n], new double[n]);
            EpicentreOf = new int[n];
            Scratch = new int[rows];
            Lanes = new int[width];
            Draws = new int[width];
            Seeds = new ulong[width];
            Keys = new ulong[width];
            Fields = new double[imts][];
            for (var k = 0; k < imts; k++) Fields[k] = new double[(long)rows * width];
        }

        /// <summary>Job sites with the epicentral distance and azimuth of the rupture in <see cref="EpicentreOf"/> (1 + rupture index; 0 = none).</summary>
        public readonly CorrelationSites Sites;
        public readonly int[] EpicentreOf;
        public readonly int[] Scratch;
        public readonly int[] Lanes;
        public readonly int[] Draws;
        public readonly ulong[] Seeds;
        public readonly ulong[] Keys;
        public readonly double[][] Fields;
        public readonly Dictionary<int, int[]> RowsOf = new();
        public readonly Dictionary<(int Rupture, int Draw), (double[] W, double[] Sd)> Factors = new();

        /// <summary>Drops every rupture's rows and factors except <paramref name="keep"/>'s (whose events may go on in the next sweep).</summary>
        public void Forget(int keep)
        {
            foreach (var r in RowsOf.Keys.Where(r => r != keep).ToList()) RowsOf.Remove(r);
            foreach (var key in Factors.Keys.Where(k => k.Rupture != keep).ToList()) Factors.Remove(key);
        }
    }
}
