using QuakeGrid.Core.IO.Residuals;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.Tests.Inference;

public class ResidualTableReaderTests
{
    private const string Header = "recid,eqid,magnitude,region,station_longitude,station_latitude,epi_dist,epi_azimuth,vs30,scaled_deltaW";

    private static QuakeGridInputException Bad(string text) =>
        Assert.Throws<QuakeGridInputException>(() => ResidualTableReader.Read(new StringReader(text), "bad.csv"));

    [Fact]
    public void ReadsRealSubset()
    {
        var t = InferenceTestData.Subset();
        Assert.Equal(247, t.Count);
        Assert.Equal(4, t.EqId.Distinct().Count());
        Assert.Equal(125, t.EqId.Count(e => e == 158));
        // First data row of the published file: recid 50, eqid 30.
        Assert.Equal(50, t.RecId[0]);
        Assert.Equal(30, t.EqId[0]);
        Assert.Equal(-118.387, t.StationLon[0]);
        Assert.Equal(70.91255067664628, t.EpiDistKm[0]);
        Assert.Equal(3.111553451263001, t.EpiAzimuthRad[0]);
        Assert.Equal(280.56, t.Vs30[0]);
        Assert.Equal(-0.2369705172924439, t.ScaledDeltaW[0]);
    }

    [Fact]
    public void WriterRoundTripsExactly()
    {
        var t = InferenceTestData.Subset();
        var sw = new StringWriter();
        ResidualTableWriter.Write(t, sw);
        var back = ResidualTableReader.Read(new StringReader(sw.ToString()), "roundtrip");
        Assert.Equal(t.RecId, back.RecId);
        Assert.Equal(t.EqId, back.EqId);
        Assert.Equal(t.Region, back.Region);
        Assert.Equal(t.EpiDistKm, back.EpiDistKm);
        Assert.Equal(t.EpiAzimuthRad, back.EpiAzimuthRad);
        Assert.Equal(t.Vs30, back.Vs30);
        Assert.Equal(t.ScaledDeltaW, back.ScaledDeltaW);
    }

    [Fact]
    public void ColumnsInAnyOrderAndQuotedRegion()
    {
        var t = ResidualTableReader.Read(new StringReader(
            "eqid,recid,region,magnitude,station_longitude,station_latitude,epi_dist,epi_azimuth,vs30,scaled_deltaW,extra\n" +
            "7,1,\"NEW ZEALAND, SOUTH\",6.1,172.1,-43.5,10.5,0.5,300,0.25,x\n"), "ok.csv");
        Assert.Equal(1, t.RecId[0]);
        Assert.Equal(7, t.EqId[0]);
        Assert.Equal("NEW ZEALAND, SOUTH", t.Region[0]);
    }

    [Fact]
    public void MissingFileNamesIt()
    {
        var ex = Assert.Throws<QuakeGridInputException>(() => ResidualTableReader.Read("/nonexistent/residuals.csv"));
        Assert.Contains("residuals.csv", ex.Message);
    }

    [Fact]
    public void MissingColumnIsNamed()
    {
        var ex = Bad("recid,eqid,magnitude,region,station_longitude,station_latitude,epi_dist,epi_azimuth,scaled_deltaW\n1,1,5,X,0,0,1,0,0.1\n");
        Assert.Equal("vs30", ex.Field);
        Assert.Equal("header", ex.Record);
    }

    [Theory]
    [InlineData("1,7,6.1,X,172,-43,10,0.5,300,NaN", "scaled_deltaW", "row 1")]
    [InlineData("1,7,6.1,X,172,-43,10,0.5,300,", "scaled_deltaW", "row 1")]
    [InlineData("1,7,6.1,X,172,-43,10,0.5,abc,0.1", "vs30", "row 1")]
    [InlineData("1,7,6.1,X,172,-43,10,0.5,-300,0.1", "vs30", "row 1")]
    [InlineData("1,7,6.1,X,172,-43,-10,0.5,300,0.1", "epi_dist", "row 1")]
    [InlineData("1,7,6.1,X,172,-43,10,45.0,300,0.1", "epi_azimuth", "row 1")]
    [InlineData("1,7,6.1,X,172,-95,10,0.5,300,0.1", "station_latitude", "row 1")]
    [InlineData("1,7.5,6.1,X,172,-43,10,0.5,300,0.1", "eqid", "row 1")]
    [InlineData("1,7,Infinity,X,172,-43,10,0.5,300,0.1", "magnitude", "row 1")]
    public void BadValuesNameRowAndColumn(string row, string field, string record)
    {
        var ex = Bad(Header + "\n" + row + "\n");
        Assert.Equal(field, ex.Field);
        Assert.StartsWith(record, ex.Record);
        Assert.Contains("bad.csv", ex.Message);
    }

    [Fact]
    public void DuplicateRecIdIsAnError()
    {
        var ex = Bad(Header + "\n1,7,6.1,X,172,-43,10,0.5,300,0.1\n2,7,6.1,X,172,-43,11,0.5,300,0.1\n1,8,6.1,X,172,-43,12,0.5,300,0.2\n");
        Assert.Equal("recid", ex.Field);
        Assert.StartsWith("row 3", ex.Record);
        Assert.Contains("duplicate", ex.Message);
    }

    [Fact]
    public void WrongFieldCountAndEmptyFileAreErrors()
    {
        var ex = Bad(Header + "\n1,7,6.1,X,172,-43,10,0.5,300\n");
        Assert.StartsWith("row 1", ex.Record);
        Assert.Contains("fields", ex.Message);
        Assert.Contains("empty", Bad("").Message);
        Assert.Contains("no data rows", Bad(Header + "\n").Message);
    }
}
