using QuakeGrid.Core.IO.SiteModel;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.Tests.IO;

public class SiteModelCsvReaderTests
{
    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "data", "sitemodel", name);

    [Fact]
    public void Reads_Nepal_site_model()
    {
        // 407 sites, lon,lat,vs30,z1pt0 with vs30 written as 7.600000E+02; first row 81.55049,30.36128, last 88.11622,26.40426
        var m = SiteModelCsvReader.Read(Data("nepal_site_model.csv"));
        Assert.Equal(407, m.Sites.Count);
        Assert.Null(m.Ids);
        Assert.Equal(["lon", "lat", "vs30", "z1pt0"], m.Header);
        Assert.Equal(81.55049, m.Sites.Lon[0]);
        Assert.Equal(30.36128, m.Sites.Lat[0]);
        Assert.Equal(760.0, m.Sites.Vs30[0]);
        Assert.Equal(100.0, m.Sites.Z1pt0[0]);
        Assert.Equal(88.11622, m.Sites.Lon[^1]);
        Assert.Equal(26.40426, m.Sites.Lat[^1]);
    }

    [Fact]
    public void Reads_ids_first_and_extra_columns()
    {
        // custom_site_id,lon,lat,vs30,vs30measured,z1pt0,z2pt5 — first row t_19,34.77311,36.78947,600.0,False,125.83404,0.79526
        var m = SiteModelCsvReader.Read(Data("kahramanmaras2023_site_model.csv"));
        Assert.Equal(104, m.Sites.Count);
        Assert.NotNull(m.Ids);
        Assert.Equal("t_19", m.Ids![0]);
        Assert.Equal(34.77311, m.Sites.Lon[0]);
        Assert.Equal(600.0, m.Sites.Vs30[0]);
        Assert.Equal(125.83404, m.Sites.Z1pt0[0]);
    }

    [Fact]
    public void Reads_ids_last_without_z1pt0()
    {
        // lon,lat,slope,vs30,geology,xvf,region,vs30measured,custom_site_id — no z1pt0: unknown (NaN)
        var m = SiteModelCsvReader.Read(Data("durres2019_site_model_stations_europe.csv"));
        Assert.Equal(92, m.Sites.Count);
        Assert.Equal("s_0", m.Ids![0]);
        Assert.Equal(19.4573, m.Sites.Lon[0]);
        Assert.Equal(276.52625, m.Sites.Vs30[0]);
        Assert.True(double.IsNaN(m.Sites.Z1pt0[0]));
        var p = SiteModelCsvReader.Read(Data("puebla2017_site_model_stations.csv"));
        Assert.Equal(304, p.Sites.Count);
        Assert.Equal("s_303", p.Ids![^1]);
        Assert.Equal(-94.4225, p.Sites.Lon[^1]);
    }

    [Theory]
    [InlineData("lat,vs30\n1,760\n", "line 1", "lon", "missing column")]
    [InlineData("lon,lat,vs30\n10,45,760\n10,45,abc\n", "line 3", "vs30", "not a number")]
    [InlineData("lon,lat,vs30\n10,45,760\n10,NaN,760\n", "line 3", "lat", "not finite")]
    [InlineData("lon,lat,vs30\n10,45,0\n", "line 2", "vs30", "must be positive")]
    [InlineData("lon,lat,vs30\n10,45,-200\n", "line 2", "vs30", "must be positive")]
    [InlineData("lon,lat,vs30\n10,95,760\n", "line 2", "lat", "latitude")]
    [InlineData("lon,lat,vs30\n400,45,760\n", "line 2", "lon", "longitude")]
    [InlineData("lon,lat,vs30\n10,45,\n", "line 2", "vs30", "empty value")]
    [InlineData("lon,lat,vs30,z1pt0\n10,45,760,-5\n", "line 2", "z1pt0", "non-negative")]
    [InlineData("custom_site_id,lon,lat,vs30\na,10,45,760\nb,11,45,760\na,12,45,760\n", "line 4", "custom_site_id", "duplicate custom_site_id 'a' (first on line 2)")]
    [InlineData("lon,lat,vs30\n10,45,760\n\n11,45\n", "line 4", "vs30", "field(s)")]
    [InlineData("lon,lat,vs30,lat\n10,45,760,1\n", "line 1", "lat", "more than once")]
    public void Errors_name_file_line_and_column(string text, string record, string column, string problem)
    {
        var path = Path.Combine(Path.GetTempPath(), $"qg-sites-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        try
        {
            var ex = Assert.Throws<QuakeGridInputException>(() => SiteModelCsvReader.Read(path));
            Assert.Equal(path, ex.Source);
            Assert.Equal(record, ex.Record);
            Assert.Equal(column, ex.Field);
            Assert.Contains(problem, ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("lon,lat,vs30\n")]
    public void Empty_files_are_errors(string text)
    {
        var ex = Assert.Throws<QuakeGridInputException>(() => SiteModelCsvReader.Read(new StringReader(text), "mem.csv"));
        Assert.Equal("mem.csv", ex.Source);
    }

    [Fact]
    public void Missing_file_is_an_input_error()
    {
        var ex = Assert.Throws<QuakeGridInputException>(() => SiteModelCsvReader.Read("/nonexistent/sites.csv"));
        Assert.Contains("/nonexistent/sites.csv", ex.Message);
    }
}
