using System.Collections;
using System.Reflection;
using MarketSim.Engine.Contracts;
using MarketSim.Engine.Simulation;

namespace MarketSim.Engine.Tests.Checkpoints;

/// <summary>
/// Compares two Engine object graphs field by field — every instance field of every Engine class,
/// arrays and collections element by element — and fails naming the first field that differs. It is
/// what catches a new field that a class's Save/Restore does not carry. Scenario and layout objects
/// are configuration, rebuilt identically from the scenario, and are not compared; the fields in
/// <see cref="Transient"/> are scratch state that every tick overwrites before reading.
/// </summary>
internal static class StateComparer
{
    /// <summary>Fields that hold no state between ticks, as "Type.field", each with why.</summary>
    private static readonly Dictionary<string, string> Transient = new()
    {
        ["HomeVenue.<Today>k__BackingField"] = "set by Observe at the start of every Decide before it is read",
        ["EventTimeline._noise"] = "a cache of the sentiment noise path, which is a function of the seed and tick alone and is rebuilt on demand",
        ["FillBatchBuilder._owner"] = "capacity beyond Count is scratch; Count and the live fills are compared through the checkpoint bytes",
        ["FillBatchBuilder._side"] = "as _owner",
        ["FillBatchBuilder._instrument"] = "as _owner",
        ["FillBatchBuilder._price"] = "as _owner",
        ["FillBatchBuilder._quantity"] = "as _owner",
        ["FillBatchBuilder._cashDelta"] = "as _owner",
        ["FillBatchBuilder._origin"] = "as _owner",
        ["OrderBatchBuilder._owner"] = "a router's builders are drained after every phase; capacity is scratch",
        ["OrderBatchBuilder._clientSeq"] = "as _owner",
        ["OrderBatchBuilder._side"] = "as _owner",
        ["OrderBatchBuilder._type"] = "as _owner",
        ["OrderBatchBuilder._origin"] = "as _owner",
        ["OrderBatchBuilder._tif"] = "as _owner",
        ["OrderBatchBuilder._instrument"] = "as _owner",
        ["OrderBatchBuilder._price"] = "as _owner",
        ["OrderBatchBuilder._stopPrice"] = "as _owner",
        ["OrderBatchBuilder._quantity"] = "as _owner",
    };

    private static readonly Assembly Engine = typeof(TickCycle).Assembly;

    public static void AssertSame(object expected, object actual, string path)
    {
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Compare(expected, actual, path, visited);
    }

    private static void Compare(object? expected, object? actual, string path, HashSet<object> visited)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: {Show(expected)} was restored as {Show(actual)}");
            return;
        }

        var type = expected.GetType();
        Assert.True(type == actual.GetType(), $"{path}: a {type.Name} was restored as a {actual.GetType().Name}");
        if (type.IsPrimitive || type.IsEnum || expected is string or decimal)
        {
            var same = expected is double d ? BitConverter.DoubleToInt64Bits(d) == BitConverter.DoubleToInt64Bits((double)actual)
                : expected is float f ? BitConverter.SingleToInt32Bits(f) == BitConverter.SingleToInt32Bits((float)actual)
                : expected.Equals(actual);
            Assert.True(same, $"{path}: {Show(expected)} was restored as {Show(actual)} — add the field to its class's Save/Restore (or, if it is scratch, to StateComparer.Transient with the reason)");
            return;
        }

        if (!type.IsValueType && !visited.Add(expected))
        {
            return;
        }

        if (IsConfiguration(type))
        {
            return;
        }

        switch (expected)
        {
            case Array array:
                var other = (Array)actual;
                Assert.True(array.Length == other.Length, $"{path}: length {array.Length} was restored as {other.Length}");
                for (var i = 0; i < array.Length; i++)
                {
                    Compare(array.GetValue(i), other.GetValue(i), $"{path}[{i}]", visited);
                }

                return;
            case IDictionary dictionary:
                var restored = (IDictionary)actual;
                Assert.True(dictionary.Count == restored.Count, $"{path}: {dictionary.Count} entries were restored as {restored.Count}");
                var keyed = dictionary.Keys.Cast<object>().All(k => k.GetType().IsPrimitive || k is string);
                if (keyed)
                {
                    foreach (var key in dictionary.Keys)
                    {
                        Assert.True(restored.Contains(key), $"{path}: key {key} is missing after restore");
                        Compare(dictionary[key], restored[key], $"{path}[{key}]", visited);
                    }

                    return;
                }

                CompareSequences(dictionary.Values, restored.Values, path, visited);
                return;
            case IEnumerable sequence when type.Assembly != Engine:
                CompareSequences(sequence, (IEnumerable)actual, path, visited);
                return;
        }

        if (type.Assembly != Engine && !type.IsValueType)
        {
            Assert.Fail($"{path}: no rule to compare a {type.FullName}; teach StateComparer");
        }

        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (Transient.ContainsKey($"{t.Name}.{field.Name}") || typeof(Delegate).IsAssignableFrom(field.FieldType))
                {
                    continue;
                }

                Compare(field.GetValue(expected), field.GetValue(actual), $"{path}.{field.Name}", visited);
            }
        }
    }

    private static void CompareSequences(IEnumerable expected, IEnumerable actual, string path, HashSet<object> visited)
    {
        var left = expected.Cast<object?>().ToList();
        var right = actual.Cast<object?>().ToList();
        Assert.True(left.Count == right.Count, $"{path}: {left.Count} items were restored as {right.Count}");
        for (var i = 0; i < left.Count; i++)
        {
            Compare(left[i], right[i], $"{path}[{i}]", visited);
        }
    }

    /// <summary>Scenario specs and the layout: built from the scenario, never changed by a run.</summary>
    private static bool IsConfiguration(Type type) =>
        type.Assembly == Engine && (type.Namespace is "MarketSim.Engine.Scenarios" or "MarketSim.Engine.Markets" || type == typeof(MarketLayout));

    private static string Show(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "?",
    };
}
