// Every test here starts an in-process Orleans cluster.
[assembly: AssemblyTrait("Category", "Cluster")]
