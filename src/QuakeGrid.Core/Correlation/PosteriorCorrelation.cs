using System.Globalization;
using QuakeGrid.Core.Conditioning;
using QuakeGrid.Core.Random;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.Correlation;

/// <summary>
/// Posterior draws of a Bodenmann et al. (2023) model (the <c>posterior.csv</c> of <c>quakegrid fit-correlation</c>:
/// header <c>LE,gammaE</c> (E), <c>LE,gammaE,LA</c> (EA) or <c>LE,gammaE,LA,LS,w</c> (EAS); LE km, LA degrees, LS m/s),
/// used to propagate the model's uncertainty into simulation: event <c>e</c> of a job with seed <c>s</c> uses the
/// draw with index <c>Xoshiro256StarStar.ForStream(s, e, "posterior-draw").NextInt(R)</c>, uniform over the R rows,
/// independent of how events are batched or scheduled. Kernels are built once per distinct draw.
/// </summary>
public sealed class PosteriorCorrelation
{
    /// <summary>Seed purpose of the per-event draw index.</summary>
    public const string DrawPurpose = "posterior-draw";

    private readonly BodenmannCorrelation[] _kernels;

    /// <summary>Wraps already validated draws of <paramref name="variant"/>.</summary>
    public PosteriorCorrelation(BodenmannVariant variant, IReadOnlyList<BodenmannParameters> draws, string source = "posterior")
    {
        if (draws.Count == 0) throw new ArgumentException("no posterior draws", nameof(draws));
        Variant = variant;
        Source = source;
        _kernels = draws.Select(p => new BodenmannCorrelation(variant, p)).ToArray();
    }

    /// <summary>Model.</summary>
    public BodenmannVariant Variant { get; }
    /// <summary>Where the draws came from (file path).</summary>
    public string Source { get; }
    /// <summary>Number of draws R.</summary>
    public int Count => _kernels.Length;
    /// <summary>Kernel of draw <paramref name="index"/>.</summary>
    public BodenmannCorrelation Kernel(int index) => _kernels[index];

    /// <summary>
    /// At most <paramref name="maxDraws"/> of the draws, evenly spaced through the file (rows ⌊i·R/maxDraws⌋, i = 0 …
    /// maxDraws − 1, of the R rows; all rows when R ≤ maxDraws): a smaller Monte Carlo representation of the same
    /// posterior (MCMC thinning), so that an event-based hazard job builds at most <paramref name="maxDraws"/> Vecchia
    /// factors.
    /// </summary>
    public PosteriorCorrelation Thin(int maxDraws)
    {
        if (maxDraws < 1) throw new ArgumentOutOfRangeException(nameof(maxDraws), maxDraws, "at least one draw");
        if (Count <= maxDraws) return this;
        var kept = new BodenmannParameters[maxDraws];
        for (var i = 0; i < maxDraws; i++) kept[i] = _kernels[(int)((long)i * Count / maxDraws)].Parameters;
        return new PosteriorCorrelation(Variant, kept, Source);
    }

    /// <summary>Index of the draw used by event <paramref name="eventId"/> of a job with seed <paramref name="jobSeed"/>.</summary>
    public int DrawIndex(ulong jobSeed, long eventId) => Xoshiro256StarStar.ForStream(jobSeed, eventId, DrawPurpose).NextInt(Count);

    /// <summary>Kernel used by event <paramref name="eventId"/> (see <see cref="DrawIndex"/>).</summary>
    public BodenmannCorrelation KernelFor(ulong jobSeed, long eventId) => _kernels[DrawIndex(jobSeed, eventId)];

    /// <summary>
    /// Within-event fields for events with the given ids, each with its own posterior kernel, site-major
    /// (site i, event k at i·E + k, k the position in <paramref name="eventIds"/>), as the single-kernel samplers
    /// return them. Events sharing a draw are sampled together, so the factor (dense Cholesky or Vecchia) is built
    /// once per distinct draw: about min(E, R) factorisations. Event k's field uses seed <paramref name="fieldSeeds"/>[k],
    /// so each event's field is the one the sampler would give it alone with that kernel.
    /// </summary>
    public double[] SampleWithin(IFieldSampler sampler, CorrelationSites sites, ulong jobSeed, IReadOnlyList<long> eventIds, IReadOnlyList<ulong> fieldSeeds)
    {
        if (eventIds.Count != fieldSeeds.Count) throw new ArgumentException("one field seed per event");
        var n = sites.Count;
        var e = eventIds.Count;
        var result = new double[(long)n * e];
        var groups = Enumerable.Range(0, e).GroupBy(k => DrawIndex(jobSeed, eventIds[k])).OrderBy(g => g.Key);
        foreach (var g in groups)
        {
            var members = g.ToArray();
            var part = sampler.Sample(sites, _kernels[g.Key], members.Select(k => fieldSeeds[k]).ToArray());
            var m = members.Length;
            for (var i = 0; i < n; i++)
            for (var t = 0; t < m; t++) result[(long)i * e + members[t]] = part[(long)i * m + t];
        }
        return result;
    }

    /// <summary>
    /// Reads a posterior file. Errors (<see cref="QuakeGridInputException"/>) name the file, the row (1-based line
    /// number) and the column: unknown or missing header, wrong field count, non-numeric or non-finite values, values
    /// outside the parameter's domain, no rows.
    /// </summary>
    public static PosteriorCorrelation Read(string path)
    {
        if (!File.Exists(path)) throw new QuakeGridInputException(path, null, null, "posterior file not found");
        using var reader = new StreamReader(path);
        var header = reader.ReadLine();
        if (header is null) throw new QuakeGridInputException(path, "line 1", null, "empty file; expected a header LE,gammaE[,LA[,LS,w]]");
        var names = header.Split(',').Select(h => h.Trim()).ToArray();
        string[][] layouts = [["LE", "gammaE"], ["LE", "gammaE", "LA"], ["LE", "gammaE", "LA", "LS", "w"]];
        var idx = Array.FindIndex(layouts, l => l.SequenceEqual(names, StringComparer.Ordinal));
        if (idx < 0)
            throw new QuakeGridInputException(path, "line 1", null,
                $"header '{header}' is not LE,gammaE (model E), LE,gammaE,LA (EA) or LE,gammaE,LA,LS,w (EAS)");
        var variant = idx switch { 0 => BodenmannVariant.E, 1 => BodenmannVariant.EA, _ => BodenmannVariant.EAS };
        var draws = new List<BodenmannParameters>();
        var lineNo = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Trim().Length == 0) continue;
            var f = line.Split(',');
            var row = $"line {lineNo}";
            if (f.Length != names.Length)
                throw new QuakeGridInputException(path, row, null, $"{f.Length} fields, expected {names.Length} ({header})");
            var v = new double[5];
            Array.Fill(v, double.NaN);
            for (var c = 0; c < f.Length; c++)
            {
                if (!double.TryParse(f[c].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x))
                    throw new QuakeGridInputException(path, row, names[c], $"'{f[c].Trim()}' is not a finite number");
                v[c] = x;
            }
            var p = new BodenmannParameters(v[0], v[1], v[2], v[3], v[4]);
            var bad = FirstInvalid(variant, p);
            if (bad is not null)
                throw new QuakeGridInputException(path, row, bad.Value.Column, $"{bad.Value.Value.ToString("R", CultureInfo.InvariantCulture)} is outside its domain ({bad.Value.Domain})");
            draws.Add(p);
        }
        if (draws.Count == 0) throw new QuakeGridInputException(path, null, null, "no posterior draws after the header");
        return new PosteriorCorrelation(variant, draws, path);
    }

    private static (string Column, double Value, string Domain)? FirstInvalid(BodenmannVariant variant, BodenmannParameters p)
    {
        if (!(p.LE > 0)) return ("LE", p.LE, "LE > 0 km");
        if (!(p.GammaE > 0 && p.GammaE <= 2)) return ("gammaE", p.GammaE, "0 < gammaE ≤ 2");
        if (variant == BodenmannVariant.E) return null;
        if (!(p.LA > 0 && p.LA <= 45)) return ("LA", p.LA, "0 < LA ≤ 45 degrees");
        if (variant == BodenmannVariant.EA) return null;
        if (!(p.LS > 0)) return ("LS", p.LS, "LS > 0 m/s");
        if (!(p.W >= 0 && p.W <= 1)) return ("w", p.W, "0 ≤ w ≤ 1");
        return null;
    }
}
