using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Randomness;
using MarketSim.Engine.Scenarios;
using MathNet.Numerics.Distributions;

namespace MarketSim.Engine.Participants.Retail;

/// <summary>
/// A cohort of retail agents held as parallel arrays (struct-of-arrays): cash, units, cost basis and
/// stop per agent. Every draw is keyed by the agent's global id, so an agent behaves the same in a
/// cohort of 1,000 or of 100,000, on any silo. Agents trade spot only: a buy never spends more cash
/// than the agent has, a sell never more units.
/// </summary>
/// <remarks>
/// Stop-losses are held by the agent (as a broker app holds them) and fire when a round's trades
/// reach the stop: the agent cancels its open order and sells everything at market in the next
/// cascade round. That is what turns a cluster of stops at a round number into a cascade.
/// With <see cref="StopLossSpec.OnBook"/> the stop instead rests on the home book as the agent's
/// stop-limit order (good till cancelled), which the book triggers inside the clearing round that
/// reaches it; see RetailCohort.BookStops.cs.
/// </remarks>
public sealed partial class RetailCohort : IParticipant
{
    private const byte HasStopFlag = 1;
    private const byte RoundStopFlag = 2;
    private const byte OrderOpenFlag = 4;

    // The agent sent a sell of its own this tick and already replaced its book stop around it.
    private const byte SellOpenFlag = 8;

    private readonly RetailSpec _spec;
    private readonly long _seed;
    private readonly HomeVenue[] _homes;
    private readonly byte[] _home;
    private readonly MarketLayout _layout;
    private readonly int _ticksPerDay;
    private readonly long[] _cash;
    private readonly long[] _units;
    private readonly long[] _cost;
    private readonly long[] _stop;
    private readonly float[] _stopDistance;
    private readonly float[] _leverage;
    private readonly RetailBehaviour[] _behaviour;
    private readonly byte[] _flags;

    // The stop resting on the book (level and lots still to sell, stop or its triggered remainder); empty unless stops are on the book.
    private readonly long[] _bookStop;
    private readonly long[] _bookStopLots;

    // Per-agent draws made from the layout (rebuilt, not checkpointed); empty when the scenario does not use them.
    private readonly ushort[] _trendLookback;
    private readonly float[] _trendThreshold;
    private readonly float[] _valuation;

    // Cost-basis metrics: each home book's last price after the latest clearing round (the close once the tick is over).
    private readonly long[] _lastPrice;

    public RetailCohort(MarketLayout layout, ParticipantSlot slot)
    {
        Slot = slot;
        _spec = layout.Scenario.Retail;
        _seed = layout.Scenario.Seed;
        var retailInstrument = layout.Instruments[layout.InstrumentIndex(_spec.Instrument)];
        var roundStep = Math.Max(0, retailInstrument.ToTicks(_spec.StopLoss.RoundNumberStep));
        var preference = _spec.VenuePreference.Count > 0 ? _spec.VenuePreference : [new VenueShare(_spec.Venue, 1)];
        // Round-number stops are set on the retail instrument's grid; holders of another instrument use exact distances.
        _homes = preference.Select(p =>
        {
            var instrument = p.Instrument is null ? retailInstrument.Index : layout.InstrumentIndex(p.Instrument);
            return new HomeVenue(layout, layout.VenueIndex(p.Venue), instrument, p.Share, instrument == retailInstrument.Index ? roundStep : 0);
        }).ToArray();
        Venues = _homes.Select(h => h.Venue).Distinct().ToArray();
        _lastPrice = new long[_homes.Length];
        _layout = layout;
        _ticksPerDay = layout.Scenario.TicksPerDay;

        var n = slot.AgentCount;
        _cash = new long[n];
        _units = new long[n];
        _cost = new long[n];
        _stop = new long[n];
        _stopDistance = new float[n];
        _leverage = new float[n];
        _home = new byte[n];
        _behaviour = new RetailBehaviour[n];
        _flags = new byte[n];
        _bookStop = _spec.StopLoss.OnBook ? new long[n] : [];
        _bookStopLots = _spec.StopLoss.OnBook ? new long[n] : [];
        _trendLookback = _spec.Trend.IsHeterogeneous ? new ushort[n] : [];
        _trendThreshold = _spec.Trend.IsHeterogeneous ? new float[n] : [];
        _valuation = _spec.Mix.Fundamental > 0 ? new float[n] : [];
        for (var i = 0; i < n; i++)
        {
            Initialize(i);
        }
    }

    public ParticipantSlot Slot { get; }
    public IReadOnlyList<int> Venues { get; }
    public int Count => _cash.Length;

    public long CashOf(int agent) => _cash[agent];
    public long UnitsOf(int agent) => _units[agent];
    public long CostOf(int agent) => _cost[agent];
    public long StopOf(int agent) => _stop[agent];

    public double LeverageOf(int agent) => _leverage[agent];

    /// <summary>The agent's trend lookback (ticks) and threshold: its own draws, or the spec's when chartists are alike.</summary>
    public (int Lookback, double Threshold) TrendRuleOf(int agent) =>
        _trendLookback.Length > 0 ? (_trendLookback[agent], _trendThreshold[agent]) : (_spec.Trend.Lookback, _spec.Trend.Threshold);

    /// <summary>A fundamental trader's valuation in ticks (0 for agents of other behaviours).</summary>
    public double ValuationOf(int agent) => _valuation.Length > 0 ? _valuation[agent] : 0;

    /// <summary>Unrealized profit at <paramref name="priceTicks"/>: market value less cost basis (cash units).</summary>
    public long UnrealizedProfitOf(int agent, long priceTicks) => Home(agent).Instrument.Notional(priceTicks, _units[agent]) - _cost[agent];

    public void Decide(MarketSnapshot snapshot, OrderRouter router)
    {
        foreach (var home in _homes)
        {
            home.Observe(snapshot, _spec, _ticksPerDay, router);
        }

        for (var i = 0; i < _cash.Length; i++)
        {
            var owner = Slot.FirstAgent + i;
            var home = Home(i);
            var instrument = home.Instrument;
            var (mid, trendReturn, buyChance, dipReturn, orders) = home.Today;
            // Fundamental traders keep their own pace: what rises with volatility is the demand of the others.
            var behaviour = _behaviour[i];
            var rng = new CounterRng(_seed, owner, snapshot.Tick, RandomStream.Activity);
            if (rng.NextDouble() >= (behaviour == RetailBehaviour.Fundamental ? _spec.Activity : home.Activity))
            {
                continue;
            }

            bool buy;
            double size, price;
            if (behaviour == RetailBehaviour.LossAverse && _units[i] > 0)
            {
                // Value at mid against cost: past the panic level the whole position goes at market.
                if (_units[i] * mid * instrument.CashPerTickLot > _cost[i] * (1 - _spec.LossAversion.PanicLoss))
                {
                    continue;
                }

                ReplaceBookStopAroundSale(i, _units[i], orders);
                orders.Add(owner, 0, Side.Sell, OrderType.Market, OrderOrigin.Discretionary, TimeInForce.GoodForTick, instrument.Index, 0, _units[i]);
                _flags[i] |= OrderOpenFlag;
                continue;
            }

            if (behaviour == RetailBehaviour.DipBuying)
            {
                if (dipReturn > -_spec.DipBuying.Threshold)
                {
                    continue;
                }

                buy = true;
                size = _spec.DipBuying.OrderSize * (0.5 + (0.5 * rng.NextDouble()));
                price = mid * (1 + (_spec.Trend.MaxSlippageBps / 10_000));
            }
            else if (behaviour == RetailBehaviour.Fundamental)
            {
                // Buy below its valuation, sell above, more the further off; a passive limit inside mid supplies liquidity.
                var gap = Math.Log(_valuation[i] / mid);
                if (Math.Abs(gap) < _spec.Fundamental.Threshold)
                {
                    continue;
                }

                buy = gap > 0;
                size = Math.Min(1, _spec.Fundamental.Aggression * Math.Abs(gap));
                var offset = Math.Abs(rng.NextGaussian()) * _spec.Fundamental.LimitOffsetBps / 10_000;
                price = mid * (buy ? 1 - offset : 1 + offset);
            }
            else if (behaviour is RetailBehaviour.Noise or RetailBehaviour.LossAverse)
            {
                buy = rng.NextDouble() < buyChance;
                size = _spec.Noise.OrderSize * rng.NextOpenDouble();
                var offset = Math.Abs(rng.NextGaussian()) * _spec.Noise.LimitOffsetBps / 10_000;
                var aggressive = rng.NextDouble() < _spec.Noise.MarketableShare;
                price = mid * (1 + ((buy == aggressive) ? offset : -offset));
            }
            else
            {
                var (lookback, threshold) = TrendRuleOf(i);
                var signal = _trendLookback.Length > 0 ? home.Quote.Return(lookback) : trendReturn;
                if (Math.Abs(signal) < threshold)
                {
                    continue;
                }

                buy = signal > 0;
                size = _spec.Trend.OrderSize * (0.5 + (0.5 * rng.NextDouble()));
                var slippage = _spec.Trend.MaxSlippageBps / 10_000;
                price = mid * (buy ? 1 + slippage : 1 - slippage);
            }

            if (_spec.OrderSizeTail.IsOn)
            {
                size = Math.Min(1, size * OrderSizeMultiple(_spec.OrderSizeTail, new CounterRng(_seed, owner, snapshot.Tick, RandomStream.OrderSizeTail).NextOpenDouble()));
            }

            var limit = Instrument.WholeTicks(price);
            var lots = buy ? AffordableLots(BuyingPower(i, mid) * size, limit, home) : SellableLots(i, size);
            if (lots <= 0)
            {
                continue;
            }

            if (!buy)
            {
                ReplaceBookStopAroundSale(i, lots, orders);
            }

            orders.Add(owner, 0, buy ? Side.Buy : Side.Sell, OrderType.Limit, OrderOrigin.Discretionary, TimeInForce.GoodForTick, instrument.Index, limit, lots);
            _flags[i] |= OrderOpenFlag;
        }

        ArmBookStops();
    }

    public void Settle(RoundOutcome outcome, IReadOnlyList<FillBatch> fills, OrderRouter router)
    {
        for (var h = 0; h < _homes.Length; h++)
        {
            _lastPrice[h] = outcome.Books[_homes[h].Book].Last;
        }

        foreach (var batch in fills)
        {
            for (var f = 0; f < batch.Count; f++)
            {
                var agent = (int)(batch.Owner[f] - Slot.FirstAgent);
                if (_bookStopLots.Length > 0 && (OrderOrigin)batch.Origin[f] == OrderOrigin.StopLoss)
                {
                    _bookStopLots[agent] -= batch.Quantity[f];
                }

                Apply(agent, (Side)batch.Side[f], batch.Quantity[f], batch.CashDelta[f]);
            }
        }

        if (outcome.Final)
        {
            return;
        }

        for (var i = 0; i < _stop.Length; i++)
        {
            var home = Home(i);
            if (_units[i] == 0 || outcome.Books[home.Book] is not { Trades: > 0 } round)
            {
                continue;
            }

            var orders = router.To(home.Venue);

            // A borrowed position is closed by the venue at its liquidation price before any stop matters; a stop on the book is the book's to trigger.
            var origin = _cash[i] < 0 && round.Low <= LiquidationPrice(i) ? OrderOrigin.Liquidation
                : _bookStop.Length == 0 && _stop[i] > 0 && round.Low <= _stop[i] ? OrderOrigin.StopLoss
                : OrderOrigin.Discretionary;
            if (origin == OrderOrigin.Discretionary)
            {
                continue;
            }

            var owner = Slot.FirstAgent + i;
            if ((_flags[i] & OrderOpenFlag) != 0 || HasBookStop(i))
            {
                orders.CancelAll(owner, 1 + (2 * outcome.Round), home.Instrument.Index);
                _flags[i] &= unchecked((byte)~OrderOpenFlag);
                ForgetBookStop(i);
            }

            // The level that set the sale off travels as the market order's stop price, for the trigger-level metrics.
            var level = origin == OrderOrigin.Liquidation ? LiquidationPrice(i) : _stop[i];
            orders.Add(owner, 2 + (2 * outcome.Round), Side.Sell, OrderType.Market, origin, TimeInForce.GoodForTick, home.Instrument.Index, 0, _units[i], level);

            // A stop held by the agent is spent; one on the book is re-armed for what is left at the next tick.
            if (_bookStop.Length == 0)
            {
                _stop[i] = 0;
            }
        }
    }

    /// <summary>
    /// The price (in ticks) at which the agent's equity falls to the maintenance margin on its
    /// position: cash + units × p = m × units × p, so p = −cash / (units × (1 − m)). Zero when the
    /// agent has not borrowed.
    /// </summary>
    public long LiquidationPrice(int agent) =>
        _cash[agent] >= 0 || _units[agent] == 0
            ? 0
            : (long)Math.Floor(-_cash[agent] / (_units[agent] * (double)Home(agent).Instrument.CashPerTickLot * (1 - Home(agent).MaintenanceMargin)));

    /// <summary>Cash the agent can put into a buy: its own cash, or for a leveraged agent what keeps equity × leverage ≥ exposure.</summary>
    private double BuyingPower(int i, double mid)
    {
        if (_leverage[i] <= 1)
        {
            return Math.Max(0, _cash[i]);
        }

        var exposure = _units[i] * mid * Home(i).Instrument.CashPerTickLot;
        return Math.Max(0, ((_cash[i] + exposure) * _leverage[i]) - exposure);
    }

    public void CloseTick(long tick)
    {
        for (var i = 0; i < _flags.Length; i++)
        {
            _flags[i] &= unchecked((byte)~(OrderOpenFlag | SellOpenFlag));
        }
    }

    /// <summary>Every agent holding units is one holder of its home instrument, at its average cost.</summary>
    public void RecordCostBasis(CostBasisRecorder recorder)
    {
        var inputs = new CostBasisInput[_homes.Length];
        for (var h = 0; h < _homes.Length; h++)
        {
            inputs[h] = recorder.For(ParticipantClass.Retail, _homes[h].Instrument.Index);
        }

        for (var i = 0; i < _units.Length; i++)
        {
            if (_units[i] > 0)
            {
                inputs[_home[i]].Add(_units[i], _cost[i], _lastPrice[_home[i]]);
            }
        }
    }

    /// <summary>Every armed stop, and the liquidation price of every borrowing agent, near its home book's close.</summary>
    public void RecordRestingLevels(RestingLevelRecorder recorder)
    {
        if (!recorder.IsOn)
        {
            return;
        }

        var windows = new RestingLevelWindow[_homes.Length];
        for (var h = 0; h < _homes.Length; h++)
        {
            windows[h] = recorder.Open(_homes[h].Book, _lastPrice[h]);
        }

        for (var i = 0; i < _units.Length; i++)
        {
            if (_units[i] > 0)
            {
                var window = windows[_home[i]];
                if (_bookStop.Length > 0)
                {
                    window.Stop(_bookStop[i], _bookStopLots[i]);
                }
                else
                {
                    window.Stop(_stop[i], _units[i]);
                }

                window.Liquidation(LiquidationPrice(i), _units[i]);
            }
        }

        foreach (var window in windows)
        {
            recorder.Flush(window);
        }
    }

    public Ledger Holdings()
    {
        long cash = 0;
        var held = new long[_homes.Length];
        for (var i = 0; i < _cash.Length; i++)
        {
            cash += _cash[i];
            held[_home[i]] += _units[i];
        }

        var holdings = new (int, int, long)[_homes.Length];
        for (var h = 0; h < _homes.Length; h++)
        {
            holdings[h] = (_homes[h].Venue, _homes[h].Instrument.Index, held[h]);
        }

        return Ledger.Held(cash, _layout, holdings);
    }

    private void Initialize(int i)
    {
        var owner = Slot.FirstAgent + i;
        _home[i] = DrawHome(owner);
        var instrument = Home(i).Instrument;
        var rng = new CounterRng(_seed, owner, -1, RandomStream.Initialization);
        var capital = Math.Min(Pareto.InvCDF(_spec.Capital.Minimum, _spec.Capital.Alpha, rng.NextDouble()), _spec.Capital.Maximum);
        var invested = capital * _spec.InvestedShare;
        var lots = instrument.FloorLots(invested / instrument.Price(instrument.InitialPrice));
        _units[i] = lots;
        _cash[i] = Money.FromCurrency(capital) - instrument.Notional(instrument.InitialPrice, lots);
        _cost[i] = instrument.Notional(EntryPrice(owner, instrument), lots);
        var pick = rng.NextDouble();
        var mix = _spec.Mix;
        _behaviour[i] = pick < mix.Noise ? RetailBehaviour.Noise
            : pick < mix.Noise + mix.Trend ? RetailBehaviour.TrendChasing
            : pick < mix.Noise + mix.Trend + mix.DipBuying ? RetailBehaviour.DipBuying
            : mix.Fundamental == 0 || pick < mix.Noise + mix.Trend + mix.DipBuying + mix.LossAverse ? RetailBehaviour.LossAverse
            : RetailBehaviour.Fundamental;
        DrawOwnRules(i, owner, instrument);

        // Leverage and home draw from streams of their own, so turning them on leaves every other draw as it was.
        var leverage = new CounterRng(_seed, owner, -1, RandomStream.Leverage);
        var spec = _spec.Leverage;
        var drawn = leverage.NextDouble() < spec.Share ? spec.Min + ((spec.Max - spec.Min) * leverage.NextDouble()) : 1;

        // An agent borrows only as far as its own venue lends: nothing on a venue without margin.
        _leverage[i] = (float)Math.Min(drawn, Home(i).MaxLeverage);

        if (rng.NextDouble() < _spec.StopLoss.Share)
        {
            _flags[i] |= HasStopFlag;
            _stopDistance[i] = (float)(_spec.StopLoss.DistanceMin + ((_spec.StopLoss.DistanceMax - _spec.StopLoss.DistanceMin) * rng.NextDouble()));
            if (Home(i).RoundStep > 0 && rng.NextDouble() < _spec.StopLoss.RoundNumberShare)
            {
                _flags[i] |= RoundStopFlag;
            }

            PlaceStop(i);

            // Bought above today's price after a falling history: a stop above the market would have fired already.
            var ceiling = (long)Math.Floor(instrument.InitialPrice * (1 - _stopDistance[i]));
            _stop[i] = Math.Min(_stop[i], ceiling);
        }
    }

    /// <summary>
    /// The agent's own trend lookback and threshold (uniform in the spec's ranges) and, for a fundamental trader, its
    /// valuation V × exp(σ z): each from a stream of its own, so scenarios that use none draw exactly as before.
    /// </summary>
    private void DrawOwnRules(int i, long owner, Instrument instrument)
    {
        if (_trendLookback.Length > 0)
        {
            var chartist = new CounterRng(_seed, owner, -1, RandomStream.Chartist);
            var trend = _spec.Trend;
            _trendLookback[i] = (ushort)(trend.Lookback + (int)Math.Floor(chartist.NextDouble() * (Math.Max(trend.Lookback, trend.LookbackMax) - trend.Lookback + 1)));
            _trendThreshold[i] = (float)(trend.Threshold + ((Math.Max(trend.Threshold, trend.ThresholdMax) - trend.Threshold) * chartist.NextDouble()));
        }

        if (_valuation.Length > 0 && _behaviour[i] == RetailBehaviour.Fundamental)
        {
            var fundamental = _spec.Fundamental;
            var value = fundamental.Value > 0 ? instrument.ToTicks(fundamental.Value) : instrument.InitialPrice;
            var z = new CounterRng(_seed, owner, -1, RandomStream.Valuation).NextGaussian();
            _valuation[i] = (float)(value * Math.Exp(fundamental.Dispersion * z));
        }
    }

    /// <summary>
    /// A Pareto(α, 1) draw by inversion, u^(−1/α) for u in (0, 1), divided by its mean α / (α − 1) and capped: the
    /// multiple of its configured size one order takes.
    /// </summary>
    public static double OrderSizeMultiple(OrderSizeTailSpec tail, double u) =>
        Math.Min(tail.MaxMultiple, Math.Pow(u, -1 / tail.Alpha) * (tail.Alpha - 1) / tail.Alpha);

    private byte DrawHome(long owner)
    {
        if (_homes.Length == 1)
        {
            return 0;
        }

        var draw = new CounterRng(_seed, owner, -1, RandomStream.Venue).NextDouble();
        var cumulative = 0.0;
        for (var h = 0; h < _homes.Length - 1; h++)
        {
            cumulative += _homes[h].Share;
            if (draw < cumulative)
            {
                return (byte)h;
            }
        }

        return (byte)(_homes.Length - 1);
    }

    private HomeVenue Home(int agent) => _homes[_home[agent]];

    private void Apply(int i, Side side, long quantity, long cashDelta)
    {
        _cash[i] += cashDelta;
        if (side == Side.Buy)
        {
            _cost[i] -= cashDelta;
            _units[i] += quantity;
            PlaceStop(i);
            return;
        }

        // Average-cost accounting: a sale removes its share of the cost basis.
        _cost[i] -= (long)((Int128)_cost[i] * quantity / _units[i]);
        _units[i] -= quantity;
        if (_units[i] == 0)
        {
            _cost[i] = 0;
            _stop[i] = 0;
        }
    }

    /// <summary>
    /// The price an agent bought its starting position at: the opening price, or after a prior trend a point of
    /// that history drawn uniformly (<see cref="Instrument.PriorPrice"/>), from a stream of its own so that the other
    /// draws stay as they were; the draw u is taken as the distance back from today, 1 − u.
    /// </summary>
    private long EntryPrice(long owner, Instrument instrument) =>
        instrument.PriorReturn == 0 ? instrument.InitialPrice : instrument.PriorPrice(1 - new CounterRng(_seed, owner, -1, RandomStream.EntryPrice).NextDouble());

    /// <summary>Sets the stop below the agent's average cost, on a round number if it thinks in those.</summary>
    private void PlaceStop(int i)
    {
        if ((_flags[i] & HasStopFlag) == 0 || _units[i] == 0)
        {
            return;
        }

        var home = Home(i);
        var averageTicks = _cost[i] / (double)(_units[i] * home.Instrument.CashPerTickLot);
        var stop = (long)Math.Floor(averageTicks * (1 - _stopDistance[i]));
        if ((_flags[i] & RoundStopFlag) != 0)
        {
            stop = stop / home.RoundStep * home.RoundStep;
        }

        _stop[i] = Math.Max(0, stop);
    }

    private static long AffordableLots(double budget, long limitTicks, HomeVenue home)
    {
        // Leave room for the fee so the buy never overdraws the agent.
        var perLot = (double)limitTicks * home.Instrument.CashPerTickLot * (1 + (home.FeeReserve / 1_000_000.0));
        return (long)Math.Floor(budget / perLot);
    }

    private long SellableLots(int i, double size)
    {
        // Rounded down like a buy, so small holders are not pushed to sell more than they buy.
        return Math.Min((long)Math.Floor(_units[i] * size), _units[i]);
    }
}
