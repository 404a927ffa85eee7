using System.Runtime.InteropServices;

namespace MarketSim.Client.Cli;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM as a request to stop: the first cancels <see cref="Token"/>, so a run
/// stops at the next tick boundary and writes the ticks it completed as an incomplete trace; a second
/// ends the process at once. The process then exits 128 + the signal's number, as shells expect.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _received;
    private int _exitCode;

    public StopSignals()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
    }

    public CancellationToken Token => _stop.Token;

    /// <summary>The exit code the first signal asks for (130 for SIGINT, 143 for SIGTERM); null before any.</summary>
    public int? ExitCode => Volatile.Read(ref _exitCode) is > 0 and var code ? code : null;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // We end the process ourselves, once what has completed is written.
        context.Cancel = true;
        if (Interlocked.Increment(ref _received) > 1)
        {
            Console.Error.WriteLine("aborted: nothing more is written");
            Environment.Exit(ExitCode ?? ExitCodes.Interrupted);
        }

        Volatile.Write(ref _exitCode, context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted);
        Console.Error.WriteLine("stopping after the current tick and writing what is done (press Ctrl-C again to abort at once)");

        // Not on the signal thread: cancellation callbacks call grains and may take a moment.
        _ = Task.Run(_stop.Cancel);
    }
}
