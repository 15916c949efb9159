using OneStopWorkflow.Designer;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOneStopWeb(builder.Configuration, builder.Environment);

var app = builder.Build();
app.UseOneStopWeb();
await app.InitializeOneStopWebAsync(CancellationToken.None);
await app.RunAsync();

/// <summary>Lets WebApplicationFactory find the app's entry point.</summary>
public partial class Program;
