using QuakeGrid.Contracts.Events;
using QuakeGrid.Contracts.Mapping;
using QuakeGrid.Contracts.Stations;
using QuakeGrid.Core.Conditioning;
using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Sites;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Grains.Events;

/// <summary>
/// An <see cref="EventDefinition"/> validated and turned into Core objects: the rupture, the ground-motion model, the
/// IMTs, the conditioning model (<see cref="ConditioningModel.FromSpec"/>) and the event's local projection, an
/// azimuthal equidistant projection centred on the hypocentre, so that every grain of the event computes the same
/// planar coordinates for a point without seeing the others.
/// </summary>
public sealed class EventModel
{
    private EventModel(EventDefinition definition, Rupture rupture, IGroundMotionModel gmm, Imt[] imts, ConditioningModel conditioning)
    {
        Definition = definition;
        Rupture = rupture;
        Gmm = gmm;
        Imts = imts;
        Conditioning = conditioning;
        Projection = new LocalProjection(rupture.Hypocenter.Lon, rupture.Hypocenter.Lat);
    }

    public EventDefinition Definition { get; }
    public Rupture Rupture { get; }
    public IGroundMotionModel Gmm { get; }
    public Imt[] Imts { get; }
    public ConditioningModel Conditioning { get; }
    public LocalProjection Projection { get; }

    /// <summary>Validates <paramref name="d"/>; problems are <see cref="QuakeGridInputException"/>s against <paramref name="source"/> naming the field.</summary>
    public static EventModel Create(EventDefinition d, string source)
    {
        if (d is null) throw new QuakeGridInputException(source, null, null, "no event definition was given");
        var rupture = RuptureSpecMapper.ToCore(d.Rupture, source);
        if (d.Gmm is null || string.IsNullOrWhiteSpace(d.Gmm.Name)) throw new QuakeGridInputException(source, null, "gmm", "no ground-motion model was given");
        IGroundMotionModel gmm;
        try
        {
            gmm = GmmFactory.Create(d.Gmm.Name, GmmSpecMapper.ToCoreOptions(d.Gmm));
        }
        catch (ArgumentException e)
        {
            throw new QuakeGridInputException(source, null, "gmm", e.Message, e);
        }
        if (d.Imts is null || d.Imts.Length == 0) throw new QuakeGridInputException(source, null, "imts", "give at least one IMT");
        if (d.Imts.Length > EventLimits.MaxImts) throw new QuakeGridInputException(source, null, "imts", $"{d.Imts.Length} IMTs; at most {EventLimits.MaxImts}");
        var imts = new Imt[d.Imts.Length];
        for (var k = 0; k < imts.Length; k++)
        {
            if (!Imt.TryParse(d.Imts[k], out imts[k])) throw new QuakeGridInputException(source, $"imts[{k}]", "imts", $"'{d.Imts[k]}' is not an IMT (PGA, PGV, SA(T))");
            if (!gmm.Supports(imts[k])) throw new QuakeGridInputException(source, $"imts[{k}]", "imts", $"{gmm.Name} has no coefficients for {imts[k]}");
            for (var j = 0; j < k; j++)
                if (imts[j] == imts[k]) throw new QuakeGridInputException(source, $"imts[{k}]", "imts", $"{imts[k]} is listed twice");
        }
        if (string.IsNullOrWhiteSpace(d.Correlation)) throw new QuakeGridInputException(source, null, "correlation", "no correlation model was given (e.g. JB2009)");
        ConditioningModel conditioning;
        try
        {
            foreach (var imt in imts) CorrelationFactory.Parse(d.Correlation, imt);
            conditioning = ConditioningModel.FromSpec(d.Correlation);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new QuakeGridInputException(source, null, "correlation", e.Message, e);
        }
        if (!double.IsFinite(d.DefaultVs30) || d.DefaultVs30 <= 0) throw new QuakeGridInputException(source, null, "defaultVs30", $"{d.DefaultVs30} must be a finite Vs30 > 0 m/s");
        if (d.Neighbours < 1 || d.Neighbours > EventLimits.MaxNeighbours)
            throw new QuakeGridInputException(source, null, "neighbours", $"{d.Neighbours} must be between 1 and {EventLimits.MaxNeighbours}");
        return new EventModel(d, rupture, gmm, imts, conditioning);
    }

    /// <summary>The event IMT spelled <paramref name="text"/>; an unknown or foreign IMT names <paramref name="field"/>.</summary>
    public Imt ImtOf(string text, string source, string field = "imt")
    {
        if (!Imt.TryParse(text, out var imt)) throw new QuakeGridInputException(source, null, field, $"'{text}' is not an IMT (PGA, PGV, SA(T))");
        if (Array.IndexOf(Imts, imt) < 0) throw new QuakeGridInputException(source, null, field, $"{imt} is not one of the event's IMTs ({string.Join(", ", Imts)})");
        return imt;
    }

    /// <summary>Correlation sites of <paramref name="sites"/> in the event projection, with the hypocentre as epicentre (as Core's <see cref="ConditioningInputs"/>).</summary>
    public CorrelationSites CorrelationSitesOf(SiteCollection sites) => CorrelationSiteBuilder.FromSites(sites, Projection, Rupture.Hypocenter);

    /// <summary>Correlation point <paramref name="i"/> of <paramref name="sites"/> on the wire.</summary>
    public static CorrelationPoint PointOf(CorrelationSites sites, int i) =>
        new(sites.Lon[i], sites.Lat[i], sites.X[i], sites.Y[i], sites.Vs30[i], sites.EpiDistance[i], sites.EpiAzimuth[i]);

    /// <summary>Core correlation sites of wire points (the inverse of <see cref="PointOf"/>).</summary>
    public static CorrelationSites SitesOf(IReadOnlyList<CorrelationPoint> points)
    {
        var n = points.Count;
        double[] A() => new double[n];
        var (lon, lat, x, y, vs, r, az) = (A(), A(), A(), A(), A(), A(), A());
        for (var i = 0; i < n; i++)
        {
            var p = points[i];
            (lon[i], lat[i], x[i], y[i], vs[i], r[i], az[i]) = (p.Lon, p.Lat, p.X, p.Y, p.Vs30, p.EpiDistance, p.EpiAzimuth);
        }
        return new CorrelationSites(lon, lat, x, y, vs, r, az);
    }
}
