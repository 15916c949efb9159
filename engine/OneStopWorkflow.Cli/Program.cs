using System.CommandLine;
using System.Text;
using OneStopWorkflow.Cli.Commands;

Console.OutputEncoding = Encoding.UTF8;
var root = new RootCommand("onestop: validate, simulate and inspect OneStopWorkflow procedures.")
{
    ValidateCommand.Create(TimeProvider.System),
    CalendarCommand.Create(),
    SimulateCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
