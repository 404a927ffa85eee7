using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;

namespace MarketSim.Silo.Configuration;

/// <summary>
/// Reads one configuration section into a settings class with the configuration binder and checks it against the
/// class's data annotations. Eagerly, while the host is being built rather than at start: every setting here decides
/// what the host is built with (the clustering provider, the ports, whether there is a dashboard), so a wrong value
/// stops the silo before it joins a cluster, with an <see cref="InvalidSettingException"/> that names the setting.
/// </summary>
public static partial class SettingsSection
{
    /// <exception cref="InvalidSettingException">A key names no property of <typeparamref name="TSettings"/>, a value does not convert, or a check fails.</exception>
    public static TSettings Read<TSettings>(this IConfiguration configuration, string path)
        where TSettings : class, new()
    {
        var section = configuration.GetSection(path);
        RejectUnknownKeys<TSettings>(section);
        TSettings settings;
        try
        {
            settings = section.Get<TSettings>() ?? new TSettings();
        }
        catch (InvalidOperationException e) when (e.InnerException is not null)
        {
            throw Unconvertible(e);
        }

        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(settings, new ValidationContext(settings), problems, validateAllProperties: true))
        {
            var problem = problems[0];
            var member = problem.MemberNames.FirstOrDefault();
            throw new InvalidSettingException(member is null ? path : $"{path}:{member}", problem.ErrorMessage ?? "is not valid");
        }

        return settings;
    }

    /// <summary>The binder would ignore a misspelt key (or, told to, list it without its path): name it here.</summary>
    private static void RejectUnknownKeys<TSettings>(IConfigurationSection section)
    {
        foreach (var setting in section.GetChildren())
        {
            var property = typeof(TSettings).GetProperty(setting.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is not { CanWrite: true })
            {
                throw new InvalidSettingException(setting.Path, $"unknown setting; {typeof(TSettings).Name} has no property '{setting.Key}'");
            }
        }
    }

    /// <summary>The binder's message names the setting, its value and the type; say it in the setting's words.</summary>
    private static InvalidSettingException Unconvertible(InvalidOperationException e)
    {
        if (BinderFailure().Match(e.Message) is not { Success: true } failure)
        {
            return new InvalidSettingException("configuration", e.Message);
        }

        var typeName = failure.Groups["type"].Value;
        var expected = typeof(SettingsSection).Assembly.GetType(typeName) is { IsEnum: true } choice
            ? $"one of {string.Join(", ", Enum.GetNames(choice))}"
            : typeName == typeof(TimeSpan).FullName ? "a TimeSpan such as 00:00:02"
            : typeName == typeof(int).FullName ? "a whole number"
            : $"a {typeName.Split('.')[^1]}";
        return new InvalidSettingException(failure.Groups["path"].Value, $"must be {expected}, got '{failure.Groups["value"].Value}'");
    }

    [GeneratedRegex(@"value '(?<value>[^']*)' at '(?<path>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex BinderFailure();
}
