using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.IO.Job;
using QuakeGrid.Core.Sources.Ruptures;

namespace QuakeGrid.Core.Hazard.Classical;

/// <summary>
/// One tile of a classical job: a set of job site indices (ascending) and the routine that adds ruptures' annual
/// exceedance rates at them, λ(x) += ν_r · P(ln Y &gt; ln x | r) for every gsim branch, IMT and level, for the ruptures
/// whose Rrup is within <c>maximum_distance</c> (the lognormal <see cref="ExceedanceModel"/>; Cornell 1968, McGuire 1976).
/// <see cref="ClassicalCalculator"/> is this routine over one tile of every site, source after source; the hazard job
/// grains run it per region tile, one rupture batch after the other.
/// <para>
/// Order and tiling invariance: a site's contribution from a rupture depends only on the rupture and the site (distances
/// in SIMD blocks whatever the neighbours, see <see cref="SiteDistanceFilter"/>; the GMM kernels evaluate each record
/// alone), and each site's rates receive their terms in the order the ruptures are added. So adding the ruptures of
/// <see cref="ClassicalPlan.Ruptures"/> in order, in any number of calls and with any partition of the sites into tiles,
/// gives rates bit-identical to <see cref="ClassicalCalculator.Run"/>'s.
/// </para>
/// The sites are processed in chunks of <see cref="ChunkSize"/> in parallel, each chunk with its own structure-of-arrays
/// workspace (no allocation per rupture); a chunk walks the ruptures in order for its own sites only, so the result does
/// not depend on the number of threads. Calls must not overlap on one tile.
/// </summary>
public sealed class ClassicalTile
{
    /// <summary>Sites per parallel work item.</summary>
    public const int ChunkSize = 256;

    private readonly JobConfig _job;
    private readonly HazardJobSetup _setup;
    private readonly IReadOnlyList<ProbabilisticRupture>? _planRuptures;
    private readonly int[] _sites;
    private readonly double[] _lon, _lat, _vs30, _z1;
    private readonly double[]? _depth;
    private readonly ExceedanceModel _exceed;
    private readonly Chunk[] _chunks;

    internal ClassicalTile(JobConfig job, HazardJobSetup setup, int[] sites, IReadOnlyList<ProbabilisticRupture>? planRuptures)
    {
        _job = job;
        _setup = setup;
        _planRuptures = planRuptures;
        _sites = sites;
        var all = job.Sites;
        var n = sites.Length;
        _lon = new double[n]; _lat = new double[n]; _vs30 = new double[n]; _z1 = new double[n];
        _depth = setup.SiteDepths is null ? null : new double[n];
        for (var i = 0; i < n; i++)
        {
            var s = sites[i];
            _lon[i] = all.Lon[s]; _lat[i] = all.Lat[s]; _vs30[i] = all.Vs30[s]; _z1[i] = all.Z1pt0[s];
            if (_depth is not null) _depth[i] = setup.SiteDepths![s];
        }
        _exceed = new ExceedanceModel(job.TruncationLevel, job.TruncationTail);
        _chunks = new Chunk[(n + ChunkSize - 1) / ChunkSize];
        for (var c = 0; c < _chunks.Length; c++)
        {
            var start = c * ChunkSize;
            _chunks[c] = new Chunk(start, Math.Min(ChunkSize, n - start));
        }
    }

    /// <summary>Job site indices of the tile, ascending.</summary>
    public IReadOnlyList<int> SiteIndices => _sites;

    /// <summary>Creates the tile of <paramref name="siteIndices"/> (job site indices, strictly ascending) of the plan's job.</summary>
    public static ClassicalTile Create(ClassicalPlan plan, ReadOnlySpan<int> siteIndices)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new ClassicalTile(plan.Job, plan.Setup, TileSiteIndices.Checked(siteIndices, plan.SiteCount), plan.Ruptures);
    }

    /// <summary>Zero rates for the tile: <c>[branch][imt][localSite · nLevels + level]</c>.</summary>
    public double[][][] NewRates()
    {
        var rates = new double[_setup.Gmms.Length][][];
        for (var b = 0; b < rates.Length; b++)
        {
            rates[b] = new double[_job.Imtls.Count][];
            for (var k = 0; k < rates[b].Length; k++) rates[b][k] = new double[_sites.Length * _setup.LnLevels[k].Length];
        }
        return rates;
    }

    /// <summary>
    /// Adds the annual exceedance rates of the plan's ruptures [<paramref name="firstRupture"/>, firstRupture +
    /// <paramref name="count"/>) to <paramref name="rates"/> (shaped as <see cref="NewRates"/>), rupture after rupture.
    /// Returns the site-ruptures evaluated (pairs within the maximum distance).
    /// </summary>
    public long Add(int firstRupture, int count, double[][][] rates, int? maxDegreeOfParallelism = null, CancellationToken cancellationToken = default)
    {
        var ruptures = _planRuptures ?? throw new InvalidOperationException("this tile was not created from a ClassicalPlan");
        if (firstRupture < 0 || count < 0 || firstRupture > ruptures.Count - count)
            throw new ArgumentOutOfRangeException(nameof(count), $"rupture range [{firstRupture}, {firstRupture + count}) outside [0, {ruptures.Count})");
        return Add(ruptures, firstRupture, count, rates, maxDegreeOfParallelism, cancellationToken);
    }

    /// <summary>As <see cref="Add(int, int, double[][][], int?, CancellationToken)"/> for ruptures of any list.</summary>
    internal long Add(IReadOnlyList<ProbabilisticRupture> ruptures, int first, int count, double[][][] rates, int? maxDegreeOfParallelism,
        CancellationToken cancellationToken)
    {
        CheckShape(rates);
        var options = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount,
        };
        foreach (var c in _chunks) c.SiteRuptures = 0;
        Parallel.For(0, _chunks.Length, options, c => AddChunk(_chunks[c], ruptures, first, count, rates));
        long total = 0;
        foreach (var c in _chunks) total += c.SiteRuptures;
        return total;
    }

    private void CheckShape(double[][][] rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        if (rates.Length != _setup.Gmms.Length) throw new ArgumentException($"rates for {rates.Length} branches, the job has {_setup.Gmms.Length}", nameof(rates));
        for (var b = 0; b < rates.Length; b++)
        {
            if (rates[b].Length != _job.Imtls.Count) throw new ArgumentException($"branch {b}: rates for {rates[b].Length} IMTs, the job has {_job.Imtls.Count}", nameof(rates));
            for (var k = 0; k < rates[b].Length; k++)
                if (rates[b][k].Length != _sites.Length * _setup.LnLevels[k].Length)
                    throw new ArgumentException($"branch {b}, IMT {k}: {rates[b][k].Length} rates, the tile has {_sites.Length} sites × {_setup.LnLevels[k].Length} levels", nameof(rates));
        }
    }

    private void AddChunk(Chunk ws, IReadOnlyList<ProbabilisticRupture> ruptures, int first, int count, double[][][] rates)
    {
        var gmms = _setup.Gmms;
        var imtls = _job.Imtls;
        var lnLevels = _setup.LnLevels;
        var maxDistance = _job.MaximumDistance;
        for (var r = first; r < first + count; r++)
        {
            var pr = ruptures[r];
            var rup = pr.Rupture;
            var m = ws.Filter.Select(rup, _lon, _lat, _depth, ws.Start, ws.Count, maxDistance, ws.Index, ws.Rjb, ws.Rrup);
            if (m == 0) continue;
            ws.SiteRuptures += m;
            for (var j = 0; j < m; j++)
            {
                ws.Vs30[j] = _vs30[ws.Start + ws.Index[j]];
                ws.Z1pt0[j] = _z1[ws.Start + ws.Index[j]];
            }
            ws.Mag.AsSpan(0, m).Fill(rup.Magnitude);
            ws.Rake.AsSpan(0, m).Fill(rup.Rake);
            var ctx = new GmmContext(ws.Mag.AsSpan(0, m), ws.Rake.AsSpan(0, m), ws.Rjb.AsSpan(0, m), ws.Rrup.AsSpan(0, m),
                ws.Vs30.AsSpan(0, m), ws.Z1pt0.AsSpan(0, m));
            var output = new GmmOutput(ws.LnMedian.AsSpan(0, m), ws.Tau.AsSpan(0, m), ws.Phi.AsSpan(0, m), ws.Sigma.AsSpan(0, m));
            var rate = pr.AnnualRate;
            for (var b = 0; b < gmms.Length; b++)
            for (var k = 0; k < imtls.Count; k++)
            {
                gmms[b].Compute(ctx, imtls[k].Imt, output);
                var lnl = lnLevels[k];
                var nl = lnl.Length;
                var target = rates[b][k];
                for (var j = 0; j < m; j++)
                {
                    var row = (ws.Start + ws.Index[j]) * nl;
                    var mu = ws.LnMedian[j];
                    var sigma = ws.Sigma[j];
                    for (var l = 0; l < nl; l++)
                    {
                        var p = _exceed.Poe(mu, sigma, lnl[l]);
                        if (p == 0) break; // levels increase, so every higher level has PoE 0 too
                        target[row + l] += rate * p;
                    }
                }
            }
        }
    }

    /// <summary>Per-chunk structure-of-arrays buffers, reused for every rupture.</summary>
    private sealed class Chunk
    {
        public Chunk(int start, int count)
        {
            Start = start; Count = count;
            Filter = new SiteDistanceFilter(count);
            Index = new int[count];
            Mag = new double[count]; Rake = new double[count]; Rjb = new double[count]; Rrup = new double[count];
            Vs30 = new double[count]; Z1pt0 = new double[count];
            LnMedian = new double[count]; Tau = new double[count]; Phi = new double[count]; Sigma = new double[count];
        }

        public int Start { get; }
        public int Count { get; }
        public long SiteRuptures { get; set; }
        public SiteDistanceFilter Filter { get; }
        public int[] Index { get; }
        public double[] Mag { get; }
        public double[] Rake { get; }
        public double[] Rjb { get; }
        public double[] Rrup { get; }
        public double[] Vs30 { get; }
        public double[] Z1pt0 { get; }
        public double[] LnMedian { get; }
        public double[] Tau { get; }
        public double[] Phi { get; }
        public double[] Sigma { get; }
    }
}
