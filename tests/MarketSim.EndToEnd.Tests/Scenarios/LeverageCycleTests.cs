namespace MarketSim.EndToEnd.Tests.Scenarios;

/// <summary>
/// What <c>scenarios/leverage-cycle.yaml</c> claims (Thurner, Farmer and Geanakoplos 2012): with more leverage
/// allowed, returns of the mid get fatter tails and clustered volatility. One sweep of λmax 1 against 20, five
/// replicas each (five seeds per point), through the real console; each claim holds for the medians and for the
/// worst replicas (every λmax 20 run beyond every λmax 1 run).
/// </summary>
public sealed class LeverageCycleTests
{
    [Fact]
    public async Task More_leverage_brings_fat_tails_and_clustered_volatility_in_every_replica()
    {
        using var output = new TempDirectory();
        var (exit, stdout, stderr) = await MarketSimProcess.RunAsync(
            ["sweep", "scenarios/leverage-cycle.yaml", "--set", "valueFunds[0].maxLeverage=1,20", "--replicas", "5", "--engine", "direct", "--out", output.Path, "--quiet"]);
        Assert.True(exit == 0, stdout + stderr);
        var table = Path.Combine(Assert.Single(Directory.GetDirectories(output.Path)), "sweep.parquet");

        double Of(string aggregate, string column, int leverage) => DuckDbQuery.Scalar(
            $"SELECT {aggregate}({column}) FROM read_parquet('{table}') WHERE \"valueFunds[0].maxLeverage\" = {leverage}");

        Assert.Equal(5, Of("count", "excess_kurtosis", 1));
        Assert.Equal(5, Of("count", "excess_kurtosis", 20));

        // At λmax 1 the fund cannot lever: the baseline market's own facts (Hill 2–6, no lag-1 autocorrelation).
        Assert.InRange(Of("median", "hill_alpha", 1), 2, 6);
        Assert.True(Of("max", "abs(return_acf_1)", 1) < 0.2, "λmax 1: lag-1 autocorrelation of mid returns");

        Assert.True(Of("median", "excess_kurtosis", 20) > 3 * Of("median", "excess_kurtosis", 1), "fat tails: medians");
        Assert.True(Of("min", "excess_kurtosis", 20) > Of("max", "excess_kurtosis", 1), "fat tails: every replica");
        Assert.True(Of("max", "hill_alpha", 20) < Of("min", "hill_alpha", 1), "tail index: every replica");
        Assert.True(Of("median", "abs_return_acf_10", 20) > Of("median", "abs_return_acf_10", 1) + 0.1, "volatility clustering: medians");
        Assert.True(Of("min", "abs_return_acf_10", 20) > Of("max", "abs_return_acf_10", 1), "volatility clustering: every replica");
    }
}
