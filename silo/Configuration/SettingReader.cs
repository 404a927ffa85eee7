using System.ComponentModel;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace MarketSim.Silo.Configuration;

/// <summary>
/// Reads settings eagerly, while the host is being built, so a wrong value stops the silo before
/// it joins a cluster, with an <see cref="InvalidSettingException"/> that names the path.
/// </summary>
public static class SettingReader
{
    public static string GetString(this IConfiguration configuration, string path, string fallback) =>
        configuration[path] is { Length: > 0 } value ? value : fallback;

    public static string GetRequiredString(this IConfiguration configuration, string path, string reason) =>
        configuration[path] is { Length: > 0 } value ? value : throw new InvalidSettingException(path, $"required {reason}");

    public static TEnum GetChoice<TEnum>(this IConfiguration configuration, string path, TEnum fallback)
        where TEnum : struct, Enum
    {
        if (configuration[path] is not { Length: > 0 } value)
        {
            return fallback;
        }

        // Enum.TryParse also accepts numbers ("2"); a setting names its choice.
        return !char.IsAsciiDigit(value[0]) && Enum.TryParse<TEnum>(value, ignoreCase: true, out var choice)
            ? choice
            : throw new InvalidSettingException(path, $"must be one of {string.Join(", ", Enum.GetNames<TEnum>())}, got '{value}'");
    }

    /// <summary>A TCP port; 0 only where <paramref name="zeroMeansOff"/>.</summary>
    public static int GetPort(this IConfiguration configuration, string path, int fallback, bool zeroMeansOff = false)
    {
        if (configuration[path] is not { Length: > 0 } value)
        {
            return fallback;
        }

        var lowest = zeroMeansOff ? 0 : 1;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port >= lowest && port <= IPEndPoint.MaxPort
            ? port
            : throw new InvalidSettingException(path, $"must be a port number from {lowest} to {IPEndPoint.MaxPort}{(zeroMeansOff ? " (0 = off)" : "")}, got '{value}'");
    }

    public static IPAddress? GetIPAddress(this IConfiguration configuration, string path)
    {
        if (configuration[path] is not { Length: > 0 } value)
        {
            return null;
        }

        // IPAddress.TryParse takes legacy shorthands ("10.5" is 10.0.0.5); a setting spells all four parts.
        return IPAddress.TryParse(value, out var address) && (address.AddressFamily != AddressFamily.InterNetwork || value.Split('.').Length == 4)
            ? address
            : throw new InvalidSettingException(path, $"must be an IP address such as 10.0.0.5, got '{value}'");
    }

    /// <summary>
    /// Turns every key under <paramref name="path"/> into an assignment to the property of
    /// <typeparamref name="TOptions"/> with that name, checking names and values now. Orleans'
    /// options classes stay the one definition of what can be tuned and of the defaults.
    /// </summary>
    public static Action<TOptions> GetOverrides<TOptions>(this IConfiguration configuration, string path)
    {
        var assignments = new List<Action<TOptions>>();
        foreach (var setting in configuration.GetSection(path).GetChildren())
        {
            var settingPath = $"{path}:{setting.Key}";
            var property = typeof(TOptions).GetProperty(setting.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is not { CanWrite: true })
            {
                throw new InvalidSettingException(settingPath, $"unknown setting; {typeof(TOptions).Name} has no property '{setting.Key}'");
            }

            var value = Convert(settingPath, setting.Value, property.PropertyType);
            assignments.Add(options => property.SetValue(options, value));
        }

        return options => assignments.ForEach(assign => assign(options));
    }

    private static object? Convert(string path, string? value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        try
        {
            // A missing value (or a nested section where a value belongs) is as wrong as a malformed one.
            return string.IsNullOrWhiteSpace(value) ? throw new FormatException() : TypeDescriptor.GetConverter(target).ConvertFromInvariantString(value);
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException or OverflowException)
        {
            var example = target == typeof(TimeSpan) ? " such as 00:00:02" : "";
            throw new InvalidSettingException(path, $"must be a {target.Name}{example}, got '{value}'");
        }
    }
}
