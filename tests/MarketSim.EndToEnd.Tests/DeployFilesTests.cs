using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace MarketSim.EndToEnd.Tests;

/// <summary>
/// No container engine or Kubernetes runs where these tests do, so this is what can be checked of
/// deploy/: every YAML file parses, and the files agree with what the silo and Orleans read.
/// </summary>
public sealed class DeployFilesTests
{
    private static readonly string Deploy = Path.Combine(Repository.Root, "deploy");

    [Fact]
    public void Every_yaml_file_parses()
    {
        var files = Directory.GetFiles(Deploy, "*.yaml", SearchOption.AllDirectories).Concat(Directory.GetFiles(Deploy, "*.yml", SearchOption.AllDirectories)).ToArray();

        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.NotEmpty(Documents(file)));
    }

    [Fact]
    public void Silo_pods_carry_what_orleans_kubernetes_hosting_reads()
    {
        var deployment = Assert.Single(Documents(Path.Combine(Deploy, "k8s", "silo.yaml")), d => Get(d, "kind") as string == "Deployment");
        var labels = Map(deployment, "spec.template.metadata.labels");
        var container = Assert.Single(List(deployment, "spec.template.spec.containers"));
        var env = List(container, "env").Select(e => (string)Get(e, "name")!).ToHashSet();

        Assert.All(Map(deployment, "spec.selector.matchLabels"), selector => Assert.Equal(selector.Value, labels[selector.Key]));
        Assert.Contains("orleans/serviceId", labels.Keys);
        Assert.Contains("orleans/clusterId", labels.Keys);
        Assert.Superset(new HashSet<string> { "Orleans__Clustering__ProviderType", "Orleans__Clustering__ConnectionString", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID", "POD_NAME", "POD_NAMESPACE", "POD_IP" }, env);

        var rbac = Documents(Path.Combine(Deploy, "k8s", "silo-rbac.yaml"));
        var role = Assert.Single(rbac, d => Get(d, "kind") as string == "Role");
        var verbs = List(Assert.Single(List(role, "rules")), "verbs").Cast<string>();
        Assert.Superset(new HashSet<string> { "get", "list", "watch", "patch" }, verbs.ToHashSet());
        var binding = Assert.Single(rbac, d => Get(d, "kind") as string == "RoleBinding");
        Assert.Equal(Get(deployment, "spec.template.spec.serviceAccountName"), Get(Assert.Single(List(binding, "subjects")), "name"));
    }

    [Fact]
    public void Compose_runs_three_silos_clustered_on_its_redis()
    {
        var compose = Assert.Single(Documents(Path.Combine(Deploy, "docker-compose.yml")));
        var services = Map(compose, "services");

        Assert.Contains("redis", services.Keys);
        var silos = services.Where(s => s.Key.StartsWith("silo", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, silos.Length);
        Assert.All(silos, silo =>
        {
            Assert.Equal("Redis", Get(silo.Value, "environment.Orleans__Clustering__ProviderType"));
            Assert.Equal("redis:6379", Get(silo.Value, "environment.Orleans__Clustering__ConnectionString"));
        });
    }

    private static List<object> Documents(string file)
    {
        using var reader = new StringReader(File.ReadAllText(file));
        // MergingParser resolves the `<<: *silo` merge keys that docker-compose.yml shares settings with.
        var parser = new MergingParser(new Parser(reader));
        var deserializer = new DeserializerBuilder().Build();
        parser.Consume<StreamStart>();
        var documents = new List<object>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (deserializer.Deserialize(parser) is { } document)
            {
                documents.Add(document);
            }
        }

        return documents;
    }

    /// <summary>The value at a dotted path of mapping keys, or null.</summary>
    private static object? Get(object node, string path) =>
        path.Split('.').Aggregate((object?)node, (current, key) => current is Dictionary<object, object> map && map.TryGetValue(key, out var next) ? next : null);

    private static Dictionary<string, object> Map(object node, string path) =>
        Assert.IsType<Dictionary<object, object>>(Get(node, path)).ToDictionary(e => (string)e.Key, e => e.Value);

    private static List<object> List(object node, string path) => Assert.IsType<List<object>>(Get(node, path));
}
