using QuakeGrid.Cli.Input;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Cli.Tests;

public sealed class ImtListParserTests
{
    [Fact]
    public void Splits_at_top_level_commas_and_keeps_spelling()
    {
        var list = ImtListParser.Parse(" PGA, PGV ,SA(0.2),SA(1)");
        Assert.Equal(["PGA", "PGV", "SA(0.2)", "SA(1)"], list.Select(i => i.Label));
        Assert.Equal([Imt.Pga, Imt.Pgv, Imt.Sa(0.2), Imt.Sa(1.0)], list.Select(i => i.Imt));
    }

    [Fact]
    public void Comma_inside_parentheses_is_one_bad_token()
    {
        var e = Assert.Throws<QuakeGridInputException>(() => ImtListParser.Parse("PGA,SA(0,2)"));
        Assert.Equal("SA(0,2)", e.Record);
    }

    [Theory]
    [InlineData("")]
    [InlineData("PGA,,SA(1.0)")]
    [InlineData("SA(-1)")]
    public void Rejects_empty_or_invalid_entries(string text) =>
        Assert.Throws<QuakeGridInputException>(() => ImtListParser.Parse(text));
}
