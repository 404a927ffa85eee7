namespace MarketSim.Client.Cli;

/// <summary>Bad input found after parsing; each problem is one line for the user.</summary>
public sealed class InputException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
