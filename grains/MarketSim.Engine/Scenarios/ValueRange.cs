using static System.FormattableString;

namespace MarketSim.Engine.Scenarios;

/// <summary>The values a numeric field accepts: a lower bound and an optional upper bound, each inclusive or not.</summary>
internal readonly struct ValueRange
{
    private readonly double _min;
    private readonly bool _minExclusive;
    private readonly double _max;
    private readonly bool _maxExclusive;

    /// <summary>The upper bound is a capacity limit (<see cref="AtMost"/>), named only when a value exceeds it.</summary>
    private readonly bool _maxIsLimit;

    private ValueRange(double min, bool minExclusive, double max, bool maxExclusive, bool maxIsLimit = false)
    {
        _min = min;
        _minExclusive = minExclusive;
        _max = max;
        _maxExclusive = maxExclusive;
        _maxIsLimit = maxIsLimit;
    }

    public static ValueRange Any => AtLeast(double.NegativeInfinity);

    public static ValueRange Positive => Above(0);

    public static ValueRange NonNegative => AtLeast(0);

    /// <summary>[0, 1]: a share that may be zero.</summary>
    public static ValueRange Fraction => Between(0, 1);

    /// <summary>(0, 1]: a share that must be more than nothing.</summary>
    public static ValueRange PositiveFraction => new(0, true, 1, false);

    /// <summary>(0, 1): strictly between nothing and everything.</summary>
    public static ValueRange OpenFraction => new(0, true, 1, true);

    public static ValueRange Above(double min) => new(min, true, double.PositiveInfinity, false);

    public static ValueRange AtLeast(double min) => new(min, false, double.PositiveInfinity, false);

    public static ValueRange Between(double min, double max) => new(min, false, max, false);

    /// <summary>
    /// This range with an inclusive upper limit of <paramref name="max"/>: what the machine or the integer
    /// grids can hold rather than what makes sense, so messages name it only for a value above it.
    /// </summary>
    public ValueRange AtMost(double max) => new(_min, _minExclusive, max, false, maxIsLimit: true);

    /// <summary>What a message says <paramref name="value"/> must be: the range, or just the limit it exceeds.</summary>
    public string Describe(double value)
    {
        if (!_maxIsLimit)
        {
            return ToString();
        }

        return value > _max ? Invariant($"at most {_max}") : new ValueRange(_min, _minExclusive, double.PositiveInfinity, false).ToString();
    }

    /// <summary>The bounds as JSON Schema keywords (<c>minimum</c>, <c>exclusiveMinimum</c>, …); infinite bounds have none.</summary>
    public IEnumerable<(string Keyword, double Bound)> SchemaBounds()
    {
        if (!double.IsNegativeInfinity(_min))
        {
            yield return (_minExclusive ? "exclusiveMinimum" : "minimum", _min);
        }

        if (!double.IsPositiveInfinity(_max))
        {
            yield return (_maxExclusive ? "exclusiveMaximum" : "maximum", _max);
        }
    }

    public bool Contains(double value) =>
        (_minExclusive ? value > _min : value >= _min) && (_maxExclusive ? value < _max : value <= _max);

    /// <summary>The range as messages quote it: <c>&gt; 0</c>, <c>&gt;= 0</c>, <c>in (0, 1]</c>.</summary>
    public override string ToString()
    {
        if (double.IsNegativeInfinity(_min))
        {
            return "any number";
        }

        return double.IsPositiveInfinity(_max)
            ? Invariant($"{(_minExclusive ? ">" : ">=")} {_min}")
            : Invariant($"in {(_minExclusive ? '(' : '[')}{_min}, {_max}{(_maxExclusive ? ')' : ']')}");
    }
}
