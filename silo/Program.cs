using MarketSim.Silo.Configuration;
using MarketSim.Silo.Hosting;

// A MarketSim silo. Settings: deploy/README.md. SIGTERM or Ctrl+C leaves the cluster gracefully.
try
{
    var builder = WebApplication.CreateSlimBuilder(args);
    builder.AddMarketSimSilo();
    var app = builder.Build();
    app.MapMarketSimDashboard();
    await app.RunAsync();
    return 0;
}
catch (InvalidSettingException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
