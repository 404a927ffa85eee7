using System.ComponentModel.DataAnnotations;
using System.Net;

namespace MarketSim.Silo.Configuration;

/// <summary>A TCP port number; 0 only where it turns the listener off.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PortAttribute(bool zeroMeansOff = false) : ValidationAttribute
{
    private int Lowest => zeroMeansOff ? 0 : 1;

    public override bool IsValid(object? value) => value is int port && port >= Lowest && port <= IPEndPoint.MaxPort;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        IsValid(value)
            ? ValidationResult.Success
            : new ValidationResult($"must be a port number from {Lowest} to {IPEndPoint.MaxPort}{(zeroMeansOff ? " (0 = off)" : "")}, got '{value}'", [validationContext.MemberName!]);
}
