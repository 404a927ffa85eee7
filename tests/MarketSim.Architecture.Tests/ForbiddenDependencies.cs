using System.Reflection;
using NetArchTest.Rules;

namespace MarketSim.Architecture.Tests;

/// <summary>Types of one namespace (and its sub-namespaces), less any exempt ones, that use a forbidden namespace or type.</summary>
public static class ForbiddenDependencies
{
    public static IReadOnlyList<string> Of(Assembly assembly, string inNamespace, IReadOnlyList<string> forbidden, params string[] exempt)
    {
        var types = Types.InAssembly(assembly).That().ResideInNamespace(inNamespace);
        foreach (var name in exempt)
        {
            types = types.And().DoNotResideInNamespace(name);
        }

        var result = types.ShouldNot().HaveDependencyOnAny([.. forbidden]).GetResult();
        return result.IsSuccessful ? [] : [.. result.FailingTypeNames.Order(StringComparer.Ordinal)];
    }
}
