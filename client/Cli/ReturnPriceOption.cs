using System.CommandLine;
using MarketSim.Engine.Metrics;

namespace MarketSim.Client.Cli;

/// <summary><c>--price mid|close</c>: which price of the <c>market</c> table the stylized facts take returns on.</summary>
internal static class ReturnPriceOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--price") { Description = "Price the returns are taken on: mid (default; no bid-ask bounce) or close (last trade).", DefaultValueFactory = _ => "mid" };
        option.AcceptOnlyFromAmong("mid", "close");
        return option;
    }

    public static ReturnPrice Read(ParseResult result, Option<string> option) => result.GetValue(option) == "close" ? ReturnPrice.Close : ReturnPrice.Mid;
}
