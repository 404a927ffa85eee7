using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;

namespace MarketSim.Silo.Configuration;

/// <summary>An IP address written out in full; none is fine.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class IPAddressAttribute : ValidationAttribute
{
    /// <summary>
    /// The address <paramref name="text"/> spells, or null. <see cref="IPAddress.TryParse(string, out IPAddress)"/> also takes
    /// legacy shorthands ("10.5" is 10.0.0.5); a setting spells all four parts.
    /// </summary>
    public static IPAddress? Parse(string? text) =>
        text is { Length: > 0 } && IPAddress.TryParse(text, out var address) && (address.AddressFamily != AddressFamily.InterNetwork || text.Split('.').Length == 4)
            ? address
            : null;

    public override bool IsValid(object? value) => value is null || Parse(value as string) is not null;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        IsValid(value) ? ValidationResult.Success : new ValidationResult($"must be an IP address such as 10.0.0.5, got '{value}'", [validationContext.MemberName!]);
}
