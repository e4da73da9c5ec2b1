using System.CommandLine;
using MapDashboard.Tools;

// Composition only: each verb lives in its own file and adds itself here.
var root = new RootCommand("MapDashboard tools");
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(MapDashboard.Tools.Live.LiveClientsCommand.Create());
root.Subcommands.Add(AccountCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
return await root.Parse(args).InvokeAsync();
