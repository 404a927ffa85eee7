using MarketSim.Abstractions.Runs;

namespace MarketSim.Grains.Tests;

/// <summary>The one retry policy for a lost silo, shared by the coordinator's restore and the client's resume.</summary>
public sealed class SiloLossRetryTests
{
    [Fact]
    public async Task A_silo_loss_is_retried_until_the_attempt_succeeds()
    {
        var attempts = 0;

        var result = await SiloLossRetry.ExecuteAsync(
            () => ++attempts < 2 ? throw new SiloUnavailableException("settling") : Task.FromResult(attempts),
            keepTrying: () => true);

        Assert.Equal(2, result);
    }

    [Fact]
    public async Task Any_other_failure_is_thrown_at_once()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<ArgumentException>(() => SiloLossRetry.ExecuteAsync<int>(
            () => throw new ArgumentException($"attempt {++attempts}"),
            keepTrying: () => true));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task A_silo_loss_is_thrown_once_the_caller_stops_trying()
    {
        var attempts = 0;

        var error = await Assert.ThrowsAsync<SiloUnavailableException>(() => SiloLossRetry.ExecuteAsync<int>(
            () => throw new SiloUnavailableException($"attempt {++attempts}"),
            keepTrying: () => attempts < 2));

        Assert.Equal(2, attempts);
        Assert.Contains("attempt 2", error.Message, StringComparison.Ordinal);
    }
}
