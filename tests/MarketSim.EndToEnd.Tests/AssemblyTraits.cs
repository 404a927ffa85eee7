// Every test here starts the real client or silo processes.
[assembly: AssemblyTrait("Category", "EndToEnd")]
