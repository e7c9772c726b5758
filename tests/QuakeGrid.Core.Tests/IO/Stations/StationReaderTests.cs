using QuakeGrid.Core.Imts;
using QuakeGrid.Core.IO.Stations;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.Tests.IO.Stations;

/// <summary>Station readers on real files (expected values read off the files by hand) and on small bad inputs.</summary>
public sealed class StationReaderTests
{
    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "data", "stations", name);

    private static double Value(StationSet s, string id, Imt imt) => s.Value[s.IndexOf(imt)][Array.IndexOf(s.Ids, id)];

    [Fact]
    public void OpenQuakeCsvKahramanmarasWithSiteModel()
    {
        var sm = new StationSiteModel(TestSiteModel.Load(Data("kahramanmaras2023_site_model_stations.csv")));
        var r = OpenQuakeStationCsvReader.Read(Data("kahramanmaras2023_stationlist_seismic.csv"), sm);
        var s = r.Stations;
        Assert.Empty(r.Rejections);
        Assert.Equal(241, s.Count);
        Assert.Equal(new[] { Imt.Pga, Imt.Sa(0.3), Imt.Sa(0.6), Imt.Sa(1.0) }, s.Imts);
        var i = Array.IndexOf(s.Ids, "3129"); // first data line: 3129,,36.1343,36.19117,seismic,B,447,...,1.347185,0,4.763461004,...
        Assert.Equal(36.1343, s.Lon[i]);
        Assert.Equal(36.19117, s.Lat[i]);
        Assert.Equal(1.347185, Value(s, "3129", Imt.Pga));
        Assert.Equal(4.763461004, Value(s, "3129", Imt.Sa(0.3)));
        Assert.Equal(0.0, s.LnSigma[0][i]);
        Assert.Equal(447.0, s.Vs30[i]);          // site model s_0
        Assert.Equal(391.34189, s.Z1pt0[i]);
        Assert.Equal(StationKind.Seismic, s.Kind[i]);
        Assert.Equal(241, s.ToSiteCollection().Count);
    }

    [Fact]
    public void OpenQuakeCsvPueblaWithByteOrderMarkIgnoresMmi()
    {
        var sm = new StationSiteModel(TestSiteModel.Load(Data("puebla2017_site_model_stations.csv")));
        var r = OpenQuakeStationCsvReader.Read(Data("puebla2017_stationlist_seismic.csv"), sm);
        Assert.Equal(148, r.Stations.Count);
        Assert.Equal(new[] { Imt.Pga }, r.Stations.Imts);
        Assert.Contains("MMI_VALUE", r.IgnoredColumns);
        Assert.Equal(0.205972, Value(r.Stations, "SAPP", Imt.Pga));
        Assert.Equal(297.0, r.Stations.Vs30[Array.IndexOf(r.Stations.Ids, "SAPP")]);
        Assert.Empty(r.Rejections);
    }

    [Fact]
    public void OpenQuakeCsvDurresKeepsIntensityDerivedStationsWithTheirSigma()
    {
        var sm = new StationSiteModel(TestSiteModel.Load(Data("durres2019_site_model_stations_europe.csv")));
        var r = OpenQuakeStationCsvReader.Read(Data("durres2019_stationlist_all_filtered_50_cataldi.csv"), sm);
        var s = r.Stations;
        Assert.Equal(18, s.Count + r.Rejections.Select(x => x.Record).Distinct().Count());
        Assert.Equal(16, s.Kind.Count(k => k == StationKind.Macroseismic) + r.Rejections.Count(x => x.Record.Contains("UTM")));
        var id = "UTM:(34T 0370 4575 1000)"; // macroseismic,0.20754,0.51,0.50524,0.73,0.14242,0.64
        var i = Array.IndexOf(s.Ids, id);
        Assert.True(i >= 0, string.Join("; ", r.Rejections));
        Assert.Equal(StationKind.Macroseismic, s.Kind[i]);
        Assert.Equal(0.20754, Value(s, id, Imt.Pga));
        Assert.Equal(0.51, s.LnSigma[s.IndexOf(Imt.Pga)][i]);
        Assert.Equal(0.73, s.LnSigma[s.IndexOf(Imt.Sa(0.3))][i]);
        Assert.Equal(276.52625, s.Vs30[Array.IndexOf(s.Ids, "DURR")]);
    }

    [Fact]
    public void OpenQuakeCsvVanHasADuplicateStationIdThatIsAnError()
    {
        // The file lists 17 stations twice; the first is 6503 on line 2 (6503,6503,43.76302,...) and line 20
        // (6503,"Muradiye, MUR",43.763,...), with different values.
        var e = Assert.Throws<QuakeGridInputException>(() => OpenQuakeStationCsvReader.Read(Data("van2011_stationlist_seismic.csv")));
        Assert.Contains("duplicate station id '6503'", e.Message);
        Assert.Contains("line 2 and line 20", e.Message);
        Assert.EndsWith("van2011_stationlist_seismic.csv", e.Source);
    }

    [Fact]
    public void OpenQuakeCsvRejectsZeroNegativeAndMissingValuesNamingStationLineAndField()
    {
        const string csv = "STATION_ID,LONGITUDE,LATITUDE,STATION_TYPE,PGA_VALUE,PGA_LN_SIGMA,SA(1.0)_VALUE,SA(1.0)_LN_SIGMA\n" +
                           "A,10.0,45.0,seismic,0.1,0,0.2,0\n" +
                           "B,10.1,45.0,seismic,0,0,0.2,0\n" +
                           "C,10.2,45.0,seismic,-0.3,0,,0\n" +
                           "D,10.3,45.0,seismic,0.1,-1,0.2,0\n";
        var r = OpenQuakeStationCsvReader.Read(new StringReader(csv), "mem.csv");
        Assert.Equal(new[] { "A", "B", "C", "D" }, r.Stations.Ids);
        Assert.Equal(4, r.Rejections.Count);
        Assert.Contains(r.Rejections, x => x.Record == "station B (line 3)" && x.Field == "PGA_VALUE" && x.Reason.Contains("> 0"));
        Assert.Contains(r.Rejections, x => x.Record == "station C (line 4)" && x.Field == "PGA_VALUE");
        Assert.Contains(r.Rejections, x => x.Record == "station C (line 4)" && x.Field == "SA(1.0)_VALUE" && x.Reason == "missing value");
        Assert.Contains(r.Rejections, x => x.Record == "station D (line 5)" && x.Field == "PGA_VALUE" && x.Reason.Contains("ln sigma"));
        Assert.True(double.IsNaN(Value(r.Stations, "B", Imt.Pga)));
        Assert.Equal(0.2, Value(r.Stations, "B", Imt.Sa(1.0)));
        Assert.All(r.Rejections, x => Assert.Equal("mem.csv", x.Source));
        var e = Assert.Throws<QuakeGridInputException>(() => r.ThrowIfAnyRejected());
        Assert.Contains("station B (line 3)", e.Message);
    }

    [Fact]
    public void OpenQuakeCsvWithoutLnSigmaColumnIsAnError()
    {
        const string csv = "STATION_ID,LONGITUDE,LATITUDE,PGA_VALUE\nA,10,45,0.1\n";
        var e = Assert.Throws<QuakeGridInputException>(() => OpenQuakeStationCsvReader.Read(new StringReader(csv), "x.csv"));
        Assert.Equal("PGA_LN_SIGMA", e.Field);
    }

    [Fact]
    public void OpenQuakeCsvStationFarFromTheSiteModelIsRejected()
    {
        var sm = new StationSiteModel(new Sites.SiteCollection(new[] { 10.0 }, new[] { 45.0 }, new[] { 400.0 }), 5.0);
        const string csv = "STATION_ID,LONGITUDE,LATITUDE,PGA_VALUE,PGA_LN_SIGMA\nA,10.01,45,0.1,0\nB,11,45,0.1,0\n";
        var r = OpenQuakeStationCsvReader.Read(new StringReader(csv), "x.csv", sm);
        Assert.Equal(new[] { "A" }, r.Stations.Ids);
        Assert.Equal(400.0, r.Stations.Vs30[0]);
        var rej = Assert.Single(r.Rejections);
        Assert.Equal("station B (line 3)", rej.Record);
        Assert.Contains("within 5 km", rej.Reason);
    }

    [Fact]
    public void ShakeMapJsonTurkeyTakesGreatestHorizontalAndRejectsFlaggedAndIntensityOnly()
    {
        var r = ShakeMapJsonStationReader.Read(Data("turkey2023_stationlist.json"));
        var s = r.Stations;
        // KO.ARPRA horizontals: pga 4.4765 (HNE), 5.0168 (HNN), 3.6021 (--.HNE), 5.0218 (--.HNN) %g; HNZ skipped.
        Assert.Equal(0.050218, Value(s, "KO.ARPRA", Imt.Pga), 12);
        Assert.Equal(0.125476, Value(s, "KO.ARPRA", Imt.Sa(0.3)), 12); // --.HNE 12.5476 %g
        Assert.Equal(12.7289, Value(s, "KO.ARPRA", Imt.Pgv), 12);     // cm/s
        Assert.Equal(789.24, s.Vs30[Array.IndexOf(s.Ids, "KO.ARPRA")]);
        Assert.Equal(new[] { Imt.Pga, Imt.Sa(0.3), Imt.Sa(1.0), Imt.Sa(3.0), Imt.Pgv }, s.Imts);
        // IU.ANTO: sa(0.3) flagged "Outlier" on both horizontals → no SA(0.3), two rejections.
        Assert.True(double.IsNaN(Value(s, "IU.ANTO", Imt.Sa(0.3))));
        Assert.Equal(2, r.Rejections.Count(x => x.Record.StartsWith("station IU.ANTO", StringComparison.Ordinal) && x.Reason == "flagged 'Outlier'"));
        // TK.0719: pga flagged on HNE and HNN.
        Assert.True(double.IsNaN(Value(s, "TK.0719", Imt.Pga)));
        Assert.Equal(0.05908, Value(s, "TK.0719", Imt.Sa(0.3)), 12);
        // 89 DYFI features have no amplitudes.
        Assert.Equal(89, r.Rejections.Count(x => x.Reason.StartsWith("intensity-only", StringComparison.Ordinal)));
        Assert.Equal(351 - 89, s.Count);
        Assert.All(s.Kind, k => Assert.Equal(StationKind.Seismic, k));
    }

    [Fact]
    public void ShakeMapXmlSouthNapaAndNorthridge()
    {
        var napa = ShakeMapXmlStationReader.Read(Data("southnapa2014_stationlist.xml"));
        // CE.57307 (line 403) has only the vertical --.HNZ component.
        var only = Assert.Single(napa.Rejections);
        Assert.Equal("station CE.57307 (line 403)", only.Record);
        Assert.Contains("vertical", only.Reason);
        Assert.Equal(333, napa.Stations.Count);
        // BG.DRH: CNZ skipped; CNE pga 0.8506, CNN 0.8108 %g; psa10 CNE 1.2321, CNN 1.6082.
        Assert.Equal(0.008506, Value(napa.Stations, "BG.DRH", Imt.Pga), 12);
        Assert.Equal(0.016082, Value(napa.Stations, "BG.DRH", Imt.Sa(1.0)), 12);
        Assert.Equal(0.8713, Value(napa.Stations, "BG.DRH", Imt.Pgv), 12);

        var hist = ShakeMapXmlStationReader.Read(Data("northridge1994_hist_dat.xml"));
        Assert.Equal(185, hist.Stations.Count);
        Assert.Empty(hist.Rejections);
        // 12A: acc 25.7635 %g, vel 11.5680 cm/s, psa03 39.1546, psa10 7.9478, psa30 3.0082 %g.
        Assert.Equal(0.257635, Value(hist.Stations, "12A", Imt.Pga), 12);
        Assert.Equal(11.568, Value(hist.Stations, "12A", Imt.Pgv), 12);
        Assert.Equal(0.391546, Value(hist.Stations, "12A", Imt.Sa(0.3)), 12);
        Assert.Equal(0.030082, Value(hist.Stations, "12A", Imt.Sa(3.0)), 12);
        Assert.True(double.IsNaN(hist.Stations.Vs30[0]));
        Assert.Throws<QuakeGridInputException>(() => hist.Stations.ToSiteCollection());
    }

    [Fact]
    public void ShakeMapXmlDyfiAmplitudesNeedAnExplicitSigma()
    {
        var strict = ShakeMapXmlStationReader.Read(Data("northridge1994_dyfi_dat.xml"));
        Assert.Equal(0, strict.Stations.Count);
        Assert.Equal(547 * 2, strict.Rejections.Count);
        Assert.Contains("intensity-derived", strict.Rejections[0].Reason);
        var loose = ShakeMapXmlStationReader.Read(Data("northridge1994_dyfi_dat.xml"), intensityDerivedLnSigma: 0.6);
        // ZIP codes 90840 (line 1123) and 94080 (line 1609) have acc and vel 0: rejected.
        Assert.Equal(545, loose.Stations.Count);
        Assert.Equal(4, loose.Rejections.Count);
        Assert.Contains(loose.Rejections, x => x.Record == "station 90840 (line 1123)" && x.Field == "comp[Intensity Questionnaire].acc" && x.Reason.Contains("> 0"));
        Assert.All(loose.Stations.Kind, k => Assert.Equal(StationKind.Macroseismic, k));
        Assert.Equal(0.304608, Value(loose.Stations, "91042", Imt.Pga), 12); // acc 30.4608 %g
        Assert.Equal(0.6, loose.Stations.LnSigma[0][0]);
    }

    [Fact]
    public void SiteModelAssignsVs30ToXmlStationsAndRejectsFarOnes()
    {
        var hist = ShakeMapXmlStationReader.Read(Data("northridge1994_hist_dat.xml"));
        // 12A is at (-118.56, 34.571), AHM at (-117.95, 33.817); L09 at (-118.56, 34.608) is 4.2 km from the first point.
        var sm = new StationSiteModel(new Sites.SiteCollection(new[] { -118.56, -117.95 }, new[] { 34.57, 33.817 }, new[] { 350.0, 500.0 }, new[] { 200.0, double.NaN }));
        var r = sm.AssignTo(hist);
        Assert.Equal(new[] { "12A", "AHM", "L09" }, r.Stations.Ids.OrderBy(x => x, StringComparer.Ordinal).ToArray());
        Assert.Equal(350.0, r.Stations.Vs30[Array.IndexOf(r.Stations.Ids, "L09")]);
        Assert.Equal(350.0, r.Stations.Vs30[Array.IndexOf(r.Stations.Ids, "12A")]);
        Assert.Equal(200.0, r.Stations.Z1pt0[Array.IndexOf(r.Stations.Ids, "12A")]);
        Assert.Equal(0.257635, Value(r.Stations, "12A", Imt.Pga), 12);
        Assert.Equal(182, r.Rejections.Count);
        Assert.All(r.Rejections, x => Assert.Contains("no site-model point within 5 km", x.Reason));
        Assert.Equal(3, r.Stations.ToSiteCollection().Count);
    }

    [Fact]
    public void StationFileReaderDispatchesByExtension()
    {
        Assert.Equal(185, StationFileReader.Read(Data("northridge1994_hist_dat.xml")).Stations.Count);
        Assert.Equal(262, StationFileReader.Read(Data("turkey2023_stationlist.json")).Stations.Count);
        Assert.Throws<QuakeGridInputException>(() => StationFileReader.Read(Data("PROVENANCE.md")));
    }
}
