using MarketSim.Silo;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.AddMarketSimSilo(builder.Configuration));
await builder.Build().RunAsync();
