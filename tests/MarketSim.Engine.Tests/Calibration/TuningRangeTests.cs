using MarketSim.Engine.Calibration;

namespace MarketSim.Engine.Tests.Calibration;

public sealed class TuningRangeTests
{
    [Fact]
    public void Positions_map_onto_a_log_scale()
    {
        var (range, problem) = TuningRange.Parse("marketMakers[0].sizePerLevel=10..1000");

        Assert.Null(problem);
        Assert.Equal("marketMakers[0].sizePerLevel", range!.Path);
        Assert.Equal(10, range.At(0), 9);
        Assert.Equal(100, range.At(0.5), 9);
        Assert.Equal(1000, range.At(1), 9);
        Assert.Equal("marketMakers[0].sizePerLevel=100", range.Override(0.5));
    }

    [Theory]
    [InlineData("marketMakers[0].sizePerLevel", "must look like path=low..high")]
    [InlineData("a=1..x", "must be numbers")]
    [InlineData("a=0..10", "0 < low < high")]
    [InlineData("a=10..5", "0 < low < high")]
    [InlineData("=1..2", "must look like path=low..high")]
    public void Bad_ranges_say_what_is_wrong(string text, string expected)
    {
        var (range, problem) = TuningRange.Parse(text);

        Assert.Null(range);
        Assert.Contains(expected, problem);
    }
}
