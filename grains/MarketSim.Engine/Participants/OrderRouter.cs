using MarketSim.Engine.Orders;

namespace MarketSim.Engine.Participants;

/// <summary>Collects a participant's orders per venue during one phase; the host delivers them.</summary>
public sealed class OrderRouter
{
    private readonly OrderBatchBuilder[] _builders;

    public OrderRouter(int venues)
    {
        _builders = new OrderBatchBuilder[venues];
        for (var i = 0; i < venues; i++)
        {
            _builders[i] = new OrderBatchBuilder();
        }
    }

    /// <summary>The builder for orders to <paramref name="venue"/>.</summary>
    public OrderBatchBuilder To(int venue) => _builders[venue];

    /// <summary>Total orders collected and not yet drained.</summary>
    public int Count => _builders.Sum(b => b.Count);

    /// <summary>The non-empty batches, by venue index; resets the router.</summary>
    public IReadOnlyList<(int Venue, OrderBatch Batch)> Drain()
    {
        var batches = new List<(int, OrderBatch)>();
        for (var v = 0; v < _builders.Length; v++)
        {
            if (_builders[v].Count > 0)
            {
                batches.Add((v, _builders[v].Build()));
            }
        }

        return batches;
    }

    /// <summary>
    /// The deliver step both hosts run after a participant's phase: drains the router and hands each venue's
    /// batch, in venue order, to <paramref name="submit"/>; returns how many orders went out that keep a cascade
    /// going: a market maker's quotes re-posted between rounds do not (they wait for a round that something else
    /// asks for, and are dropped at the close if none comes).
    /// </summary>
    public int Deliver(Action<int, OrderBatch> submit)
    {
        var sent = 0;
        foreach (var (venue, batch) in Drain())
        {
            submit(venue, batch);
            for (var i = 0; i < batch.Count; i++)
            {
                sent += (OrderOrigin)batch.Origin[i] == OrderOrigin.Quote ? 0 : 1;
            }
        }

        return sent;
    }
}
