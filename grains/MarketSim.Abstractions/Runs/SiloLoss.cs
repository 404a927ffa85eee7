namespace MarketSim.Abstractions.Runs;

/// <summary>
/// Tells the failures that mean "a silo (or the way to it) was lost" — after which a run is restored
/// from its last checkpoint and replayed — from everything else, which fails the run as it is.
/// </summary>
public static class SiloLoss
{
    public static bool IsLoss(Exception e) => e switch
    {
        // SiloUnavailableException and OrleansMessageRejectionException derive from OrleansException,
        // as do gateway and connection failures.
        OrleansException or TimeoutException or RunStateLostException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsLoss),
        _ => e.InnerException is { } inner && IsLoss(inner),
    };

    /// <summary>One line for a manifest or a log: the exception's type and the first line of its message.</summary>
    public static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message.Split('\n', 2)[0].Trim()}";
}
