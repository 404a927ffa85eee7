using System.CommandLine;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Client.Cli;

/// <summary>
/// <c>marketsim schema [--out FILE]</c>: the scenario format as a JSON Schema, for editors (the
/// <c># yaml-language-server: $schema=…</c> line) and for checking files with any JSON Schema validator.
/// </summary>
public static class SchemaCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "Write the schema to this file instead of printing it (its folder must exist)." };
        var command = new Command("schema", "Print the JSON Schema of scenario files (docs/scenario.schema.json is this output).") { output };
        command.SetAction(result =>
        {
            var schema = ScenarioJsonSchema.Write();
            if (result.GetValue(output) is not { } file)
            {
                Console.Write(schema);
                return ExitCodes.Success;
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
            if (!Directory.Exists(folder))
            {
                throw new InputException([$"--out: folder '{folder}' does not exist"]);
            }

            if (Directory.Exists(file))
            {
                throw new InputException([$"--out: '{file}' is a folder, not a file"]);
            }

            // Written beside the target and moved into place, so an editor never reads half a schema.
            var staged = Path.Combine(folder, $".{Path.GetFileName(file)}.tmp");
            File.WriteAllText(staged, schema);
            File.Move(staged, file, overwrite: true);
            Console.WriteLine($"schema written to {file}");
            return ExitCodes.Success;
        });
        return command;
    }
}
