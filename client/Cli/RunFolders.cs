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

        if (!File.Exists(Path.Combine(folder, TraceWriter.ManifestFileName)))
        {
            // Still readable, but not the whole run: say so before anything is drawn or reported from it.
            Console.Error.WriteLine(File.Exists(Path.Combine(folder, TraceWriter.IncompleteManifestFileName))
                ? $"warning: {folder}: an incomplete trace (the run was stopped early; see {TraceWriter.IncompleteManifestFileName})"
                : $"warning: {folder}: no {TraceWriter.ManifestFileName}: an incomplete trace (the run did not finish writing)");
        }

        return folder;
    }

    /// <summary>Runs <paramref name="read"/> on a trace; a broken file in it is bad input, one line naming the file.</summary>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (InvalidDataException e)
        {
            throw new InputException([e.Message]);
        }
    }
}
