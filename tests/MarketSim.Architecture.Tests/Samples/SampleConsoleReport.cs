namespace MarketSim.Architecture.Tests.Samples.Display;

/// <summary>A type that writes to the console: what the Engine's forbidden-dependency rule must catch.</summary>
public static class SampleConsoleReport
{
    public static void Print(long units) => Console.WriteLine(units);
}
