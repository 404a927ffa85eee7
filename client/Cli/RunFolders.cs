using System.CommandLine;
using MarketSim.Engine.Traces;

namespace MarketSim.Client.Cli;

/// <summary>A run folder named on the command line, as <c>plot</c> and <c>report</c> take it.</summary>
internal static class RunFolders
{
    public static Argument<string> Argument() => new("run-dir") { Description = "A run folder written by marketsim run or sweep." };

    /// <summary>The folder named by <paramref name="argument"/>, checked to hold a trace.</summary>
    public static string RequireTrace(ParseResult result, Argument<string> argument) => RequireTrace(result.GetRequiredValue(argument));

    /// <summary>Returns <paramref name="folder"/> if it holds a trace; anything else is bad input.</summary>
    public static string RequireTrace(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new InputException([$"{folder}: folder not found"]);
        }

        try
        {
            TraceReader.FormatOf(folder);
        }
        catch (FileNotFoundException e)
        {
            throw new InputException([e.Message]);
        }

        return folder;
    }
}
