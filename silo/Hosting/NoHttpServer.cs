using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace MarketSim.Silo.Hosting;

/// <summary>
/// Stands in for Kestrel when the dashboard is off. The silo is a web application only to serve
/// the dashboard; without one it should open no HTTP port at all, and Kestrel given no address
/// would listen on localhost:5000 instead.
/// </summary>
internal sealed class NoHttpServer : IServer
{
    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }
}
