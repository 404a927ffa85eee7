using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace MarketSim.Client.Cli;

/// <summary>
/// Numeric options parsed by us, not by the library's converter: a word, an out-of-range or overflowing
/// value is one line that names the option (<c>--ticks: expected a whole number, got 'ten'</c>), never a
/// .NET type name or an exception from a validator reading a value that did not convert.
/// </summary>
internal static class NumberOptions
{
    /// <summary>
    /// An option that is null when not given. <paramref name="check"/> is a further rule, returning the
    /// message when a value breaks it (<c>"must be &gt; 0"</c>): checked here, so no validator reads a value that did not parse.
    /// </summary>
    public static Option<T?> Optional<T>(string name, string description, T? min = null, T? max = null, Func<T, string?>? check = null)
        where T : struct, INumber<T>, IMinMaxValue<T> =>
        new(name) { Description = description, CustomParser = r => Parse(r, name, min, max, check) };

    /// <summary>An option with a default value; otherwise as <see cref="Optional{T}"/>.</summary>
    public static Option<T> WithDefault<T>(string name, string description, T defaultValue, T? min = null, T? max = null, Func<T, string?>? check = null)
        where T : struct, INumber<T>, IMinMaxValue<T> =>
        new(name) { Description = description, DefaultValueFactory = _ => defaultValue, CustomParser = r => Parse(r, name, min, max, check) ?? defaultValue };

    private static T? Parse<T>(ArgumentResult result, string name, T? min, T? max, Func<T, string?>? check)
        where T : struct, INumber<T>, IMinMaxValue<T>
    {
        var value = ParseInRange(result, name, min, max);
        if (value is { } parsed && check?.Invoke(parsed) is { } rule)
        {
            result.AddError($"{name}: {rule}, got {parsed}");
            return null;
        }

        return value;
    }

    private static T? ParseInRange<T>(ArgumentResult result, string name, T? min, T? max)
        where T : struct, INumber<T>, IMinMaxValue<T>
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        var integer = typeof(T) != typeof(double) && typeof(T) != typeof(float) && typeof(T) != typeof(decimal);
        if (integer)
        {
            // Parsed wide, so that 99999999999 is "too large", not "not a number".
            if (!Int128.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var wide))
            {
                result.AddError($"{name}: expected a whole number, got '{text}'");
                return null;
            }

            var lowest = Int128.CreateChecked(min ?? T.MinValue);
            var highest = Int128.CreateChecked(max ?? T.MaxValue);
            if (wide < lowest || wide > highest)
            {
                result.AddError(OutOfRange(name, text, min, max, T.MaxValue));
                return null;
            }

            return T.CreateChecked(wide);
        }

        if (!T.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !T.IsFinite(value))
        {
            result.AddError($"{name}: expected a number, got '{text}'");
            return null;
        }

        if ((min is { } low && value < low) || (max is { } high && value > high))
        {
            result.AddError(OutOfRange(name, text, min, max, T.MaxValue));
            return null;
        }

        return value;
    }

    private static string OutOfRange<T>(string name, string text, T? min, T? max, T typeMax)
        where T : struct, INumber<T> =>
        (min, max) switch
        {
            ({ } low, { } high) => $"{name}: must be between {low} and {high}, got {text}",
            ({ } low, null) when T.IsZero(low) => $"{name}: must be >= 0, got {text}",
            ({ } low, null) when low == T.One => $"{name}: must be > 0, got {text}",
            ({ } low, null) => $"{name}: must be >= {low}, got {text}",
            _ => $"{name}: must be at most {typeMax}, got {text}",
        };
}
