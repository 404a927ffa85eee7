using MarketSim.Engine.Traces;

namespace MarketSim.Client.Cli;

/// <summary>Checks on a run folder named on the command line.</summary>
internal static class RunFolders
{
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
