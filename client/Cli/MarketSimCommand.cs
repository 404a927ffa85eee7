using System.CommandLine;
using MarketSim.Client.Cluster;
using Spectre.Console;

namespace MarketSim.Client.Cli;

/// <summary>The <c>marketsim</c> command line. Errors go to standard error, one line each.</summary>
public static class MarketSimCommand
{
    public static async Task<int> InvokeAsync(string[] args)
    {
        if (Console.IsOutputRedirected)
        {
            // Logs and pipes get whole lines, not lines wrapped at a guessed terminal width.
            AnsiConsole.Profile.Width = 4096;
        }

        var root = new RootCommand("MarketSim: agent-based simulation of market participants, their flows and liquidation cascades, on Microsoft Orleans.")
        {
            RunCommand.Create(),
            SweepCommand.Create(),
            PlotCommand.Create(),
            ReportCommand.Create(),
            FactsCommand.Create(),
            CtaProjectCommand.Create(),
            CalibrateImpactCommand.Create(),
            ValidateCommand.Create(),
            SchemaCommand.Create(),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine($"error: {error.Message}");
            }

            return ExitCodes.BadInput;
        }

        using var signals = new StopSignals();
        try
        {
            // Our own handlers below print one readable line; the library's would print a stack trace.
            // Signals are ours too (StopSignals): the library's would end the process 2 s after Ctrl-C, mid-write.
            var exit = await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, signals.Token);
            return exit == ExitCodes.Interrupted ? signals.ExitCode ?? exit : exit;
        }
        catch (OperationCanceledException) when (signals.ExitCode is { } code)
        {
            Console.Error.WriteLine("stopped before the first tick completed; nothing was written");
            return code;
        }
        catch (InputException e)
        {
            foreach (var problem in e.Problems)
            {
                Console.Error.WriteLine($"error: {problem}");
            }

            return ExitCodes.BadInput;
        }
        catch (ClusterUnreachableException e)
        {
            // Not a crash: the cluster is down or the address is wrong, and the message says which.
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.RunFailed;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed run is a bug or a lost cluster, not the user's input: one line, the details on request.
            Console.Error.WriteLine($"run failed: {e.GetType().Name}: {e.Message}");
            Console.Error.WriteLine(Environment.GetEnvironmentVariable("MARKETSIM_DEBUG") == "1"
                ? e.ToString()
                : "(set MARKETSIM_DEBUG=1 for the stack trace)");

            return ExitCodes.RunFailed;
        }
    }
}
