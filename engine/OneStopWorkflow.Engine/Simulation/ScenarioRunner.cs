using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Engine.Json;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Engine.Simulation;

/// <summary>
/// Runs a scenario (a receipt and a list of timed commands) through the engine with no database and reports
/// the result as JSON. A rejected command is reported with its reasons and the run goes on.
/// </summary>
public static class ScenarioRunner
{
    /// <summary>
    /// Reads a scenario file. Like <see cref="Definitions.ProcedureLoader.Load"/> it never throws on bad content:
    /// every problem is a diagnostic located in <paramref name="file"/>, the path shown to the author.
    /// </summary>
    public static ScenarioParseResult Parse(string scenarioJson, string file)
    {
        ArgumentNullException.ThrowIfNull(scenarioJson);
        ArgumentException.ThrowIfNullOrEmpty(file);
        var diagnostics = new DiagnosticBag();
        var reader = ObjectReader.For(JsonTreeReader.Read(scenarioJson, file, diagnostics), diagnostics);
        var scenario = reader is null ? null : ScenarioReader.Read(reader, Secret(scenarioJson));
        return new ScenarioParseResult(diagnostics.HasErrors ? null : scenario, diagnostics.ToImmutable());
    }

    public static string Run(DecisionContext context, Scenario scenario)
    {
        var outcome = Execute(context, scenario);
        return Report(outcome.Context, outcome.State, outcome.Events, outcome.Rejections);
    }

    /// <summary>
    /// Runs the scenario's commands in order; a refused command is kept with its reasons and the run goes on.
    /// </summary>
    public static ScenarioOutcome Execute(DecisionContext context, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(scenario);
        var events = ImmutableArray.CreateBuilder<CaseEvent>();
        var rejections = ImmutableArray.CreateBuilder<ScenarioRejection>();
        CaseState? state = null;
        foreach (var (at, command) in scenario.Steps)
        {
            var decision = Workflow.Decide(context with { Now = at }, state, command);
            if (decision.IsRejected)
            {
                rejections.Add(new ScenarioRejection(at, command.Name, decision.Rejections));
                continue;
            }

            events.AddRange(decision.Events);
            state = decision.State;
        }

        return new ScenarioOutcome(
            context with { Now = scenario.Until }, state, events.ToImmutable(), rejections.ToImmutable());
    }

    /// <summary>The report of a run as stable, indented JSON, taken at <paramref name="context"/>'s Now.</summary>
    public static string Report(
        DecisionContext context, CaseState? state, IReadOnlyList<CaseEvent> events,
        IReadOnlyList<ScenarioRejection> rejections)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ScenarioReport(context.Calendar).Write(context, state, events, rejections);
    }

    /// <summary>The case's lookup secret, from the file's text so that a sample's lookup links never change.</summary>
    private static string Secret(string scenarioJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scenarioJson)))[..8];
}
