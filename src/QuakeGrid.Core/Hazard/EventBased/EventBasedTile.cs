using System.Collections.Concurrent;
using System.Diagnostics;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Gp.Vecchia;
using QuakeGrid.Core.Random;

namespace QuakeGrid.Core.Hazard.EventBased;

/// <summary>
/// One tile of an event-based job: a set of global site indices (ascending) with its share of the correlation plan —
/// the dependency closure of its sites in the global Vecchia order (<see cref="VecchiaSubset"/>: the sites plus the halo
/// they transitively condition on) — and a pool of work buffers, so <see cref="Simulate"/> may run concurrently.
/// <para>
/// <see cref="Simulate"/> walks the occurring ruptures of a batch ordered by the Morton key of their hypocentre (nearby
/// ruptures share most of their within-distance sites) and packs their events into sweeps of
/// <see cref="EventBasedOptions.EventsPerSweep"/> lanes. Per rupture it selects the tile's sites within
/// <c>maximum_distance</c> (Rrup) and evaluates every GMM and IMT once for them; per sweep it takes the closure of the
/// union of those sites (not of the whole tile) and runs one Vecchia sweep per IMT for all lanes at once (SIMD over
/// events), then counts, for each event and its rupture's sites, ln y = μ + τ·η + φ·ε into per-site level histograms
/// (<see cref="LevelBins"/>).
/// </para>
/// <para>
/// Tiling invariance: μ, τ, φ of a site depend only on the rupture and the site (distances are computed in SIMD blocks
/// whatever the site's neighbours in the block, see <see cref="SiteDistanceFilter"/>); η depends only on the event; ε at a
/// site is the Vecchia sweep over its ancestors with innovations keyed by (event, global site index). So any partition
/// of the sites into tiles and of the ruptures into batches gives bit-identical summed counts.
/// </para>
/// </summary>
public sealed class EventBasedTile
{
    private readonly EventBasedPlan _plan;
    private readonly int[] _sites;
    private readonly double[] _lon, _lat, _vs30, _z1;
    private readonly double[]? _depth;
    private readonly VecchiaSubset? _subset;
    private readonly int[] _fieldRow;
    private readonly LevelBins[] _bins;
    private readonly int _width;
    private readonly ConcurrentBag<TileWorkspace> _pool = new();
    private readonly ResidualDraws _draws;
    private readonly SiteGridIndex _grid;
    private readonly EpicentreFactors? _epicentre;
    /// <summary>Per gsim branch: the GMM's hazard batch for the tile's sites and the job's IMTs, or null (generic path).</summary>
    private readonly IHazardGmmBatch?[] _batches;
    /// <summary>True when some branch uses <see cref="IGroundMotionModel.Compute"/> and so needs the arena context columns.</summary>
    private readonly bool _genericContext;

    private EventBasedTile(EventBasedPlan plan, int[] sites)
    {
        _plan = plan;
        _sites = sites;
        var all = plan.Job.Sites;
        var n = sites.Length;
        _lon = new double[n]; _lat = new double[n]; _vs30 = new double[n]; _z1 = new double[n];
        var depths = plan.Setup.SiteDepths;
        _depth = depths is null ? null : new double[n];
        for (var i = 0; i < n; i++)
        {
            var s = sites[i];
            _lon[i] = all.Lon[s]; _lat[i] = all.Lat[s]; _vs30[i] = all.Vs30[s]; _z1[i] = all.Z1pt0[s];
            if (_depth is not null) _depth[i] = depths![s];
        }
        _grid = new SiteGridIndex(_lon, _lat);
        _fieldRow = new int[n];
        if (plan.Factors is not null || plan.PosteriorPlan is not null)
        {
            _subset = plan.PosteriorPlan is { } posterior ? posterior.Subset(sites) : VecchiaSubset.Create(plan.Factors!, sites);
            var rowOfSite = new Dictionary<int, int>(_subset.Count);
            for (var r = 0; r < _subset.Count; r++) rowOfSite[_subset.Sites[r]] = r;
            for (var i = 0; i < n; i++) _fieldRow[i] = rowOfSite[sites[i]];
        }
        else
        {
            for (var i = 0; i < n; i++) _fieldRow[i] = i;
        }
        _bins = plan.Setup.LnLevels.Select(l => new LevelBins(l)).ToArray();
        _width = (plan.Options.EventsPerSweep + 3) / 4 * 4;
        _draws = new ResidualDraws(plan.Job.TruncationLevel, plan.Job.TruncationTail);
        if (plan.PosteriorPlan is { EpicentreDependent: true } path) _epicentre = new EpicentreFactors(plan, path, _subset!, _fieldRow, _width);
        var gmms = plan.Setup.Gmms;
        var imts = plan.Job.Imtls.Select(l => l.Imt).ToArray();
        _batches = new IHazardGmmBatch?[gmms.Length];
        for (var b = 0; b < gmms.Length; b++)
            if (gmms[b] is IHazardGmmBatchSource source && !plan.TotalSigmaOnly[b].Contains(true))
                _batches[b] = source.CreateHazardBatch(imts, _vs30, _z1);
        _genericContext = _batches.Contains(null);
    }

    /// <summary>Global site indices of the tile, ascending.</summary>
    public IReadOnlyList<int> SiteIndices => _sites;
    /// <summary>Rows swept for the whole tile: its sites plus the halo of its dependency closure (tile size without correlation).</summary>
    public int ClosureSize => _subset?.Count ?? _sites.Length;
    /// <summary>Time breakdown of all <see cref="Simulate"/> calls so far.</summary>
    public TileProfile Profile { get; } = new();
    /// <summary>
    /// EA/EAS posteriors: the (rupture, draw) factors computed so far, their rows (Σ closure rows) and the time spent on
    /// them (summed over threads, part of <see cref="TileProfile.Fields"/>); zeros otherwise.
    /// </summary>
    public (long Factors, long Rows, TimeSpan Time) EpicentreFactorStats =>
        _epicentre is null ? (0, 0, TimeSpan.Zero) : (_epicentre.FactorCount, _epicentre.FactorRows, _epicentre.FactorTime);
    /// <summary>The plan this tile was created from.</summary>
    internal EventBasedPlan Plan => _plan;
    /// <summary><see cref="ClosureSize"/> / tile sites (1 = no halo).</summary>
    public double Redundancy => _sites.Length == 0 ? 1.0 : (double)ClosureSize / _sites.Length;

    /// <summary>Creates the tile of <paramref name="siteIndices"/> (global indices, strictly ascending).</summary>
    public static EventBasedTile Create(EventBasedPlan plan, ReadOnlySpan<int> siteIndices)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new EventBasedTile(plan, TileSiteIndices.Checked(siteIndices, plan.SiteCount));
    }

    /// <summary>
    /// Exceedance counts of the tile's sites for the occurring ruptures [<paramref name="firstRupture"/>,
    /// <paramref name="firstRupture"/> + <paramref name="count"/>): <c>Counts[branch][imt][localSite · levels + l]</c>.
    /// Thread-safe (each call rents its own buffers).
    /// </summary>
    public TileCounts Simulate(int firstRupture, int count, CancellationToken ct = default)
    {
        CheckRange(firstRupture, count);
        return SimulateInto(EmptyCounts(), firstRupture, count, ct);
    }

    /// <summary>Zero counts of this tile's shape (<c>[branch][imt][localSite · levels + l]</c>), no events.</summary>
    public TileCounts EmptyCounts()
    {
        var counts = new long[_plan.BranchCount][][];
        for (var b = 0; b < counts.Length; b++)
        {
            counts[b] = new long[_bins.Length][];
            for (var k = 0; k < _bins.Length; k++) counts[b][k] = new long[_sites.Length * _bins[k].Levels];
        }
        return new TileCounts(counts, 0, 0);
    }

    /// <summary>
    /// <see cref="Simulate"/> adding the counts into <paramref name="into"/>'s arrays (counts of this tile, e.g. from an
    /// earlier call) instead of new ones: returns a record over the same arrays with the site-events and events summed.
    /// Integer counts, so the result equals the sum of separate calls; saves allocating and adding count arrays per batch.
    /// Not thread-safe for one <paramref name="into"/>; if the call throws (e.g. cancelled), <paramref name="into"/>'s arrays
    /// may hold part of its counts.
    /// </summary>
    public TileCounts SimulateInto(TileCounts into, int firstRupture, int count, CancellationToken ct = default)
    {
        CheckRange(firstRupture, count);
        var taken = false;
        return SimulateInto(into, _ => { if (taken) return null; taken = true; return (firstRupture, count); }, ct);
    }

    /// <summary>
    /// <see cref="SimulateInto(TileCounts, int, int, CancellationToken)"/> for the rupture ranges that
    /// <paramref name="nextBatch"/> hands out until it returns null (its argument: events simulated so far by this call, for
    /// progress), on one workspace whose histograms are drained into <paramref name="into"/> once at the end (or when full)
    /// instead of once per range.
    /// </summary>
    internal TileCounts SimulateInto(TileCounts into, Func<long, (int FirstRupture, int Count)?> nextBatch, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(into);
        var (siteEvents, events) = SimulateShared(into, null, nextBatch, ct);
        return into with { SiteEvents = into.SiteEvents + siteEvents, Events = into.Events + events };
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="into"/> has this tile's count shape.</summary>
    internal void CheckShape(TileCounts into)
    {
        ArgumentNullException.ThrowIfNull(into);
        var c = into.Counts;
        if (c.Length != _plan.BranchCount) throw new ArgumentException($"counts for {c.Length} branches, the plan has {_plan.BranchCount}", nameof(into));
        for (var b = 0; b < c.Length; b++)
        {
            if (c[b].Length != _bins.Length) throw new ArgumentException($"counts for {c[b].Length} IMTs, the plan has {_bins.Length}", nameof(into));
            for (var k = 0; k < _bins.Length; k++)
                if (c[b][k].Length != _sites.Length * _bins[k].Levels)
                    throw new ArgumentException($"counts of branch {b}, IMT {k} hold {c[b][k].Length} values, the tile needs {_sites.Length} sites × {_bins[k].Levels} levels", nameof(into));
        }
    }

    /// <summary>
    /// <see cref="SimulateInto(TileCounts, Func{long, ValueTuple{int, int}?}, CancellationToken)"/> adding into
    /// <paramref name="into"/>'s arrays, which other calls may share: with <paramref name="drainLock"/> not null every drain
    /// of the histograms into them holds that lock (integer sums, so the counts do not depend on the order of the drains).
    /// One count array set for all the workers of a run instead of one each: half the fresh pages (page faults) and no
    /// summing pass at the end. Returns the site-events and events simulated by this call.
    /// </summary>
    internal (long SiteEvents, long Events) SimulateShared(TileCounts into, object? drainLock, Func<long, (int FirstRupture, int Count)?> nextBatch,
        CancellationToken ct = default)
    {
        CheckShape(into);
        var c = into.Counts;
        var call0 = Stopwatch.GetTimestamp();
        var cpu0 = ThreadCpuTime.Now();
        if (!_pool.TryTake(out var ws))
            ws = new TileWorkspace(_sites.Length, ClosureSize, _width, _plan.BranchCount, _bins, _genericContext);
        try
        {
            ws.Reset();
            while (nextBatch(ws.Events) is { } batch)
            {
                CheckRange(batch.FirstRupture, batch.Count);
                SimulateBatch(ws, batch.FirstRupture, batch.Count, c, drainLock, ct);
            }
            Drain(ws, c, drainLock);
            Profile.Add(ws.DistanceTicks, ws.GmmTicks, ws.FieldTicks, ws.CountTicks, ws.FieldValues, ws.SiteEvents,
                Stopwatch.GetTimestamp() - call0, ThreadCpuTime.Now() - cpu0, ws.CountCpuNs);
            return (ws.SiteEvents, ws.Events);
        }
        finally
        {
            _pool.Add(ws);
        }
    }

    private void CheckRange(int firstRupture, int count)
    {
        if (firstRupture < 0 || count < 0 || firstRupture > _plan.RuptureCount - count)
            throw new ArgumentOutOfRangeException(nameof(count), $"rupture range [{firstRupture}, {firstRupture + count}) outside [0, {_plan.RuptureCount})");
    }

    /// <summary>The events of one rupture range, in sweeps; the last partial sweep is flushed, the histograms not drained
    /// unless full.</summary>
    private void SimulateBatch(TileWorkspace ws, int firstRupture, int count, long[][][] counts, object? drainLock, CancellationToken ct)
    {
        var occ = _plan.Occurring;
        var order = new int[count];
        var keys = new ulong[count];
        for (var i = 0; i < count; i++) { order[i] = firstRupture + i; keys[i] = occ.SpatialKeys[firstRupture + i]; }
        Array.Sort(keys, order); // ties: ruptures with equal keys are independent, their relative order changes no count
        foreach (var r in order)
        {
            var n = occ.Occurrences[r];
            for (var e = 0; e < n;)
            {
                var take = Math.Min(_width - ws.Lanes, n - e);
                AddSegment(ws, r, e, take);
                e += take;
                if (ws.Lanes == _width)
                {
                    ct.ThrowIfCancellationRequested();
                    Flush(ws);
                    if (ws.HistEvents > TileWorkspace.MaxHistEvents - 2L * _width) Drain(ws, counts, drainLock);
                }
            }
        }
        Flush(ws);
        if (ws.HistEvents > TileWorkspace.MaxHistEvents - 2L * _width) Drain(ws, counts, drainLock);
    }

    /// <summary>
    /// The within-event residual fields ε of IMT <paramref name="imt"/> that <see cref="Simulate"/> uses, for events with the
    /// given seeds (see <see cref="EventBasedPlan"/>) at tile-local sites <paramref name="localSites"/>:
    /// <c>into[i · events + e]</c>. For tests and diagnostics.
    /// </summary>
    internal void WithinEventFields(int imt, ReadOnlySpan<ulong> eventSeeds, ReadOnlySpan<int> localSites, double[] into)
    {
        if (_epicentre is not null) throw new InvalidOperationException("EA/EAS posterior fields depend on the rupture: give its index");
        FieldsAt(imt, -1, eventSeeds, localSites, into);
    }

    /// <summary>
    /// EA/EAS posteriors: the within-event fields of IMT <paramref name="imt"/> that <see cref="Simulate"/> uses for events
    /// of occurring rupture <paramref name="rupture"/> (its epicentre) with the given seeds, at tile-local sites
    /// <paramref name="localSites"/>: <c>into[i · events + e]</c>. For tests and diagnostics.
    /// </summary>
    internal void WithinEventFields(int imt, int rupture, ReadOnlySpan<ulong> eventSeeds, ReadOnlySpan<int> localSites, double[] into)
    {
        if (_epicentre is null) throw new InvalidOperationException("only EA/EAS posterior fields depend on the rupture");
        FieldsAt(imt, rupture, eventSeeds, localSites, into);
    }

    /// <summary>The fields of both <see cref="WithinEventFields(int, ReadOnlySpan{ulong}, ReadOnlySpan{int}, double[])"/> overloads (<paramref name="rupture"/> used only for EA/EAS).</summary>
    private void FieldsAt(int imt, int rupture, ReadOnlySpan<ulong> eventSeeds, ReadOnlySpan<int> localSites, double[] into)
    {
        if (!_pool.TryTake(out var ws))
            ws = new TileWorkspace(_sites.Length, ClosureSize, _width, _plan.BranchCount, _bins, _genericContext);
        try
        {
            var ne = eventSeeds.Length;
            for (var e0 = 0; e0 < ne; e0 += _width)
            {
                var lanes = Math.Min(_width, ne - e0);
                var maxRow = -1;
                foreach (var s in localSites)
                {
                    ws.Marks[_fieldRow[s]] = 1;
                    maxRow = Math.Max(maxRow, _fieldRow[s]);
                }
                if (_epicentre is not null) _epicentre.Fields(ws, rupture, eventSeeds.Slice(e0, lanes), imt, maxRow);
                else
                {
                    var nRows = CollectRows(ws, maxRow);
                    for (var q = 0; q < lanes; q++) ws.Keys[q] = SeedDerivation.Derive(eventSeeds[e0 + q], imt, "within");
                    if (_plan.Posterior is not null)
                        for (var q = 0; q < lanes; q++) ws.LaneDraw[q] = _plan.DrawOf(eventSeeds[e0 + q]);
                    FillFields(imt, ws.Rows.AsSpan(0, nRows), ws.Keys.AsSpan(0, lanes), ws.LaneDraw, ws.Y);
                }
                for (var i = 0; i < localSites.Length; i++)
                    ws.Y.AsSpan(_fieldRow[localSites[i]] * _width, lanes).CopyTo(into.AsSpan(i * ne + e0, lanes));
            }
        }
        finally
        {
            _pool.Add(ws);
        }
    }

    /// <summary>Turns the marked field rows into the rows to compute (closed under dependency when correlated).</summary>
    private int CollectRows(TileWorkspace ws, int maxRow)
    {
        if (_subset is not null) return _subset.Closure(ws.Marks, maxRow, ws.Rows);
        var n = 0;
        for (var row = 0; row <= maxRow; row++)
            if (ws.Marks[row] != 0) { ws.Marks[row] = 0; ws.Rows[n++] = row; }
        return n;
    }

    /// <summary>
    /// Within-event fields of the lanes' <paramref name="keys"/> at <paramref name="rows"/>: one factor per IMT, or with a
    /// posterior the factor of each lane's draw (<paramref name="laneDraw"/>), or independent draws without correlation.
    /// </summary>
    private void FillFields(int imt, ReadOnlySpan<int> rows, ReadOnlySpan<ulong> keys, int[] laneDraw, double[] y)
    {
        if (_subset is null) FillIndependent(rows, keys, y);
        else if (_plan.Posterior is not null) _subset.SweepPerLane(laneDraw.AsSpan(0, keys.Length), rows, keys, _width, y);
        else _subset.Sweep(imt, rows, keys, _width, y);
    }

    /// <summary>Adds the histograms' exceedance counts to <paramref name="counts"/> (holding <paramref name="drainLock"/>
    /// when not null) and clears them.</summary>
    private void Drain(TileWorkspace ws, long[][][] counts, object? drainLock)
    {
        if (ws.HistEvents > 0)
        {
            if (drainLock is null) AddExceedanceCounts(ws, counts);
            else lock (drainLock) AddExceedanceCounts(ws, counts);
            foreach (var hb in ws.Hist) foreach (var h in hb) Array.Clear(h);
        }
        ws.HistEvents = 0;
        ws.HistDirty = false;
    }

    private void AddExceedanceCounts(TileWorkspace ws, long[][][] counts)
    {
        for (var b = 0; b < counts.Length; b++)
        for (var k = 0; k < _bins.Length; k++)
            _bins[k].AddExceedanceCounts(ws.Hist[b][k], counts[b][k]);
    }

    /// <summary>Selects the rupture's sites, evaluates the GMMs for them and assigns lanes to its events.</summary>
    private void AddSegment(TileWorkspace ws, int r, int firstOccurrence, int events)
    {
        var job = _plan.Job;
        var rup = _plan.Occurring.Ruptures[r].Rupture;
        ws.Events += events;
        var t0 = Stopwatch.GetTimestamp();
        var m = ws.Filter.Select(rup, _lon, _lat, _depth, _grid, job.MaximumDistance, ws.Index, ws.Rjb, ws.Rrup);
        var t1 = Stopwatch.GetTimestamp();
        ws.DistanceTicks += t1 - t0;
        if (m == 0) return;
        ws.Ensure(m);
        var off = ws.ArenaUsed;
        for (var j = 0; j < m; j++)
        {
            var s = ws.Index[j];
            ws.Site[off + j] = s;
            ws.FieldRow[off + j] = _fieldRow[s];
        }
        if (_genericContext)
        {
            for (var j = 0; j < m; j++)
            {
                var s = ws.Index[j];
                ws.ARjb[off + j] = ws.Rjb[j];
                ws.ARrup[off + j] = ws.Rrup[j];
                ws.Vs30[off + j] = _vs30[s];
                ws.Z1pt0[off + j] = _z1[s];
            }
            ws.Mag.AsSpan(off, m).Fill(rup.Magnitude);
            ws.Rake.AsSpan(off, m).Fill(rup.Rake);
        }
        var gmms = _plan.Setup.Gmms;
        for (var b = 0; b < gmms.Length; b++)
        {
            // Hazard batch (bit-identical to Compute, no sigma: unused when the GMM has tau and phi) or the generic path.
            if (_batches[b] is { } batch)
            {
                batch.Evaluate(rup.Magnitude, rup.Rake, ws.Index.AsSpan(0, m), ws.Rjb.AsSpan(0, m), ws.Rrup.AsSpan(0, m),
                    ws.Mu[b], ws.RuptureTauOf(ws.SegmentCount, b), ws.Phi[b], off);
                continue;
            }
            var ctx = new GmmContext(ws.Mag.AsSpan(off, m), ws.Rake.AsSpan(off, m), ws.ARjb.AsSpan(off, m), ws.ARrup.AsSpan(off, m),
                ws.Vs30.AsSpan(off, m), ws.Z1pt0.AsSpan(off, m));
            for (var k = 0; k < _bins.Length; k++)
                gmms[b].Compute(ctx, job.Imtls[k].Imt,
                    new GmmOutput(ws.Mu[b][k].AsSpan(off, m), ws.Tau[b][k].AsSpan(off, m), ws.Phi[b][k].AsSpan(off, m), ws.Sigma[b][k].AsSpan(off, m)));
        }
        ws.ArenaUsed = off + m;
        ws.GmmTicks += Stopwatch.GetTimestamp() - t1;
        ws.Segments[ws.SegmentCount++] = new TileWorkspace.Segment
        {
            Rupture = r, FirstOccurrence = firstOccurrence, Events = events, Lane = ws.Lanes, Offset = off, Sites = m,
        };
        for (var q = 0; q < events; q++) ws.EventSeeds[ws.Lanes + q] = _plan.EventSeed(r, firstOccurrence + q);
        if (_plan.Posterior is not null)
            for (var q = 0; q < events; q++) ws.LaneDraw[ws.Lanes + q] = _plan.DrawOf(ws.EventSeeds[ws.Lanes + q]);
        ws.Lanes += events;
        ws.SiteEvents += (long)m * events;
    }

    /// <summary>Draws the fields of the pending lanes and counts exceedances; empties the sweep.</summary>
    private void Flush(TileWorkspace ws)
    {
        if (ws.SegmentCount == 0) { ws.Lanes = 0; ws.ArenaUsed = 0; return; }
        var lanes = ws.Lanes;
        ws.HistEvents += lanes;
        ws.HistDirty = true;
        var t0 = Stopwatch.GetTimestamp();
        // Rows to compute: the union of the segments' sites, closed under dependency when correlated.
        var maxRow = -1;
        for (var g = 0; g < ws.SegmentCount; g++)
        {
            var seg = ws.Segments[g];
            for (var j = seg.Offset; j < seg.Offset + seg.Sites; j++)
            {
                var row = _fieldRow[ws.Site[j]];
                ws.Marks[row] = 1;
                if (row > maxRow) maxRow = row;
            }
        }
        var nRows = CollectRows(ws, maxRow);
        var rows = ws.Rows.AsSpan(0, nRows);
        _epicentre?.Prepare(ws);
        var nb = _plan.BranchCount;
        for (var k = 0; k < _bins.Length; k++)
        {
            for (var q = 0; q < lanes; q++)
            {
                ws.Keys[q] = SeedDerivation.Derive(ws.EventSeeds[q], k, "within");
                ws.Eta[q] = _draws.Draw(SeedDerivation.Derive(ws.EventSeeds[q], k, "between"), 0);
            }
            var keys = ws.Keys.AsSpan(0, lanes);
            if (_epicentre is not null) _epicentre.Load(ws, k, rows);
            else FillFields(k, rows, keys, ws.LaneDraw, ws.Y);
            var t1 = Stopwatch.GetTimestamp();
            ws.FieldTicks += t1 - t0;
            ws.FieldValues += (long)nRows * lanes;
            var bins = _bins[k];
            var c0 = ThreadCpuTime.Now();
            for (var b = 0; b < nb; b++)
            {
                // GMMs with only a total sigma: ln y = μ + 0·η + σ·ε, bit-identical to μ + σ·ε.
                // Hazard batches give τ per rupture (ws.RuptureTau), generic GMMs per site (ws.Tau).
                var totalOnly = _plan.TotalSigmaOnly[b][k];
                Count(ws, bins, b, k, ws.Hist[b][k], ws.Mu[b][k], totalOnly || _batches[b] is not null ? null : ws.Tau[b][k], !totalOnly,
                    totalOnly ? ws.Sigma[b][k] : ws.Phi[b][k]);
            }
            ws.CountCpuNs += ThreadCpuTime.Now() - c0;
            t0 = Stopwatch.GetTimestamp();
            ws.CountTicks += t0 - t1;
        }
        ws.SegmentCount = 0;
        ws.Lanes = 0;
        ws.ArenaUsed = 0;
    }

    /// <summary>Histogram counts of ln y = μ + τ·η + φ·ε for every segment's events and sites of branch <paramref name="branch"/>
    /// and IMT <paramref name="imt"/>: τ per site from <paramref name="tau"/>, else the segment's τ
    /// (<see cref="TileWorkspace.RuptureTau"/>) when <paramref name="withTau"/>, else no η term; the field read from the
    /// sweep buffer <see cref="TileWorkspace.Y"/> (see <see cref="HistogramCounting"/>).</summary>
    private static unsafe void Count(TileWorkspace ws, LevelBins bins, int branch, int imt, ushort[] hist, double[] mu, double[]? tau,
        bool withTau, double[] phi)
    {
        var segments = ws.Segments;
        var width = ws.Width;
        fixed (ushort* ph = hist)
        fixed (double* pmu = mu, ptau = tau, pphi = phi, py = ws.Y, peta = ws.Eta)
        fixed (int* psite = ws.Site, prow = ws.FieldRow, pbuf = ws.CountBuffer)
        {
            for (var g = 0; g < ws.SegmentCount; g++)
            {
                var seg = segments[g];
                var o = seg.Offset;
                var tauRupture = ptau is null && withTau ? ws.RuptureTauOf(g, branch)[imt] : 0.0;
                HistogramCounting.Count(bins, ph, psite + o, prow + o, pmu + o, ptau is null ? null : ptau + o, tauRupture, pphi + o, seg.Sites,
                    py + seg.Lane, width, peta + seg.Lane, seg.Events, pbuf);
            }
        }
    }

    private void FillIndependent(ReadOnlySpan<int> rows, ReadOnlySpan<ulong> keys, double[] y)
    {
        foreach (var row in rows)
        {
            var hash = CounterNormal.SiteHash(_sites[row]);
            var o = row * _width;
            for (var q = 0; q < keys.Length; q++) y[o + q] = _draws.DrawHashed(keys[q], hash);
        }
    }
}
