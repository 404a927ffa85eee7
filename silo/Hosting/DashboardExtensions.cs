using Microsoft.AspNetCore.Hosting.Server;
using Orleans.Dashboard;

namespace MarketSim.Silo.Hosting;

public static class DashboardExtensions
{
    /// <summary>
    /// Serves the Orleans Dashboard on <c>Orleans:Dashboard:Port</c> (default 8080; 0 = off) at
    /// <c>http://host:port/</c>. Every silo collects the statistics; any silo's dashboard shows the
    /// whole cluster. With the dashboard off the silo opens no HTTP port.
    /// </summary>
    /// <exception cref="Configuration.InvalidSettingException">The port is malformed.</exception>
    public static WebApplicationBuilder AddMarketSimDashboard(this WebApplicationBuilder builder, ISiloBuilder silo)
    {
        var dashboard = DashboardSettings.Read(builder.Configuration);
        if (!dashboard.Enabled)
        {
            builder.Services.AddSingleton<IServer, NoHttpServer>();
            return builder;
        }

        silo.AddDashboard();
        var loopbackOnly = DashboardSettings.LoopbackOnly(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (loopbackOnly)
            {
                kestrel.ListenLocalhost(dashboard.Port);
            }
            else
            {
                kestrel.ListenAnyIP(dashboard.Port);
            }
        });
        return builder;
    }

    /// <summary>Maps the dashboard's pages and API at the root, when <see cref="AddMarketSimDashboard"/> turned it on.</summary>
    public static WebApplication MapMarketSimDashboard(this WebApplication app)
    {
        if (DashboardSettings.Read(app.Configuration).Enabled)
        {
            app.MapOrleansDashboard();
        }

        return app;
    }
}
