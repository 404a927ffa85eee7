using MarketSim.Client.Cli;

return await MarketSimCommand.InvokeAsync(args);
