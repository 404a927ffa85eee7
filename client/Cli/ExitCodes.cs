namespace MarketSim.Client.Cli;

/// <summary>What the process tells its caller.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The run started but failed (an error while running, or a broken invariant).</summary>
    public const int RunFailed = 1;

    /// <summary>The input was wrong: arguments, scenario file, addresses.</summary>
    public const int BadInput = 2;

    /// <summary>Stopped by Ctrl-C (SIGINT, 128 + 2); what had completed was written as an incomplete trace.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM (128 + 15), as <see cref="Interrupted"/>.</summary>
    public const int Terminated = 143;
}
