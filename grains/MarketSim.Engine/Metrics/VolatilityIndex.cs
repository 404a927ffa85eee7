namespace MarketSim.Engine.Metrics;

/// <summary>
/// Volatility measures of one book from its closes, updated once a tick, all annualized and in percent
/// with <c>ticksPerYear = 252 × ticksPerDay</c>:
/// <list type="bullet">
/// <item>realized: the sample standard deviation of the last <see cref="Window"/> log returns;</item>
/// <item>implied (a VIX-like proxy): the RiskMetrics EWMA forecast σ²ₜ = λσ²ₜ₋₁ + (1 − λ)r²ₜ with
/// λ = 0.94 — no option market is modelled, so "implied" is the market's own volatility forecast;</item>
/// <item>vol of vol (a VVIX-like proxy): the sample standard deviation of the last <see cref="Window"/>
/// log changes of that proxy.</item>
/// </list>
/// Values are 0 until there are two observations to compare.
/// </summary>
public sealed partial class VolatilityIndex(double ticksPerYear) : Checkpoints.ICheckpointable
{
    public const int Window = 20;
    private const double Lambda = 0.94;

    private readonly double _annualize = Math.Sqrt(ticksPerYear) * 100;
    private readonly Queue<double> _returns = new();
    private readonly Queue<double> _proxyChanges = new();
    private double _lastClose;
    private double _variance;
    private double _lastProxy;

    public double Realized { get; private set; }
    public double Implied { get; private set; }
    public double VolOfVol { get; private set; }

    public void Add(double close)
    {
        if (_lastClose > 0 && close > 0)
        {
            var r = Math.Log(close / _lastClose);
            _variance = _returns.Count == 0 ? r * r : (Lambda * _variance) + ((1 - Lambda) * r * r);
            Push(_returns, r);
            Realized = StandardDeviation(_returns) * _annualize;
            Implied = Math.Sqrt(_variance) * _annualize;
            if (_lastProxy > 0 && Implied > 0)
            {
                Push(_proxyChanges, Math.Log(Implied / _lastProxy));
                VolOfVol = StandardDeviation(_proxyChanges) * _annualize;
            }

            _lastProxy = Implied;
        }

        _lastClose = close;
    }

    private static void Push(Queue<double> window, double value)
    {
        window.Enqueue(value);
        if (window.Count > Window)
        {
            window.Dequeue();
        }
    }

    private static double StandardDeviation(Queue<double> values) =>
        values.Count < 2 ? 0 : MathNet.Numerics.Statistics.Statistics.StandardDeviation(values);
}
