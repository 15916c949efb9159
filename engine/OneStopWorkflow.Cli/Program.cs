using System.CommandLine;
using System.Text;
using OneStopWorkflow.Cli.Commands;

Console.OutputEncoding = Encoding.UTF8;
var root = new RootCommand(
    "onestop: validate and simulate procedures, and check the trails of a OneStopWorkflow database.")
{
    ValidateCommand.Create(TimeProvider.System),
    CalendarCommand.Create(),
    SimulateCommand.Create(),
    AuditCommand.Create(),
    ReportCommand.Create(),
    BenchCommand.Create(),
    SeedCommand.Create(),
    ScanCommand.Create(),
    MailCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
