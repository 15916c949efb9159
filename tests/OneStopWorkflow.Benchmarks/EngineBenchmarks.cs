using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Templates;
using OneStopWorkflow.Testing;

namespace OneStopWorkflow.Benchmarks;

/// <summary>The engine's hot paths on the real land-use-transfer v1, calendar and units.</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private static readonly DateTimeOffset Received = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));
    private WorkingCalendar _calendar = null!;
    private DecisionContext _context = null!;
    private CaseState _received = null!;
    private IReadOnlyList<CaseEvent> _trail = null!;
    private DocumentIssued _receipt = null!;
    private readonly Actor _clerk = People.ClerkLeChan;
    private Engine.Rules.RuleExpression _rule = null!;
    private Scriban.Runtime.ScriptObject _ruleModel = null!;

    [GlobalSetup]
    public void Setup()
    {
        var loaded = ProcedureLoader.Load(
            Catalog.ReadVersion(Repository.PathOf("procedures", "land-use-transfer", "v1"), "procedure.json"),
            Catalog.Context(new DateOnly(2026, 6, 1)));
        _calendar = Catalog.Calendar;
        _context = new DecisionContext(loaded.Procedure!, loaded.Sha256!, _calendar, Catalog.Units, Received);
        var decision = Workflow.Decide(_context, null, Receive());
        _received = decision.State!;
        _trail = decision.Events;
        _receipt = _trail.OfType<DocumentIssued>().First();
        _rule = Engine.Rules.RuleCompiler.Compile("case.fields.area_m2 > 100 && case.unit.level == 'commune'",
            new Engine.Diagnostics.SourceLocation("bench", 1, 1), new Engine.Rules.RuleScope(["area_m2"], []),
            new Engine.Diagnostics.DiagnosticBag())!;
        _ruleModel = new Scriban.Runtime.ScriptObject
        {
            ["case"] = new Scriban.Runtime.ScriptObject
            {
                ["fields"] = new Scriban.Runtime.ScriptObject { ["area_m2"] = 84.5m },
                ["unit"] = new Scriban.Runtime.ScriptObject { ["level"] = "commune" },
            },
        };
    }

    private ReceiveCommand Receive() =>
        new(_clerk, new CaseId("bench"), "HP.LECHAN") { Fields = LandTransferFields.Complete, Secret = "00000000" };

    [Benchmark(Description = "add 8 working days (year of instants)")]
    public DateTimeOffset AddWorkingDays()
    {
        var last = default(DateTimeOffset);
        for (var day = 0; day < 365; day++)
        {
            last = _calendar.AddWorkingDays(Received.AddDays(day % 250), 8);
        }

        return last;
    }

    [Benchmark(Description = "decide: receive (rules, appointment)")]
    public Decision DecideReceive() => Workflow.Decide(_context, null, Receive());

    [Benchmark(Description = "decide: act send-to-tax")]
    public Decision DecideAct() => Workflow.Decide(
        _context with { Now = Received.AddDays(1) }, _received, new ActCommand(People.OfficerCn1, "send-to-tax"));

    [Benchmark(Description = "evaluate a rule (two comparisons)")]
    public Engine.Rules.RuleResult EvaluateRule() => Engine.Rules.RuleEvaluator.EvaluateCondition(_rule, _ruleModel);

    [Benchmark(Description = "decide: an action with a guard (skip-tax)")]
    public Decision EvaluateGuard() => Workflow.Decide(
        _context with { Now = Received.AddDays(1) }, _received, new ActCommand(People.OfficerCn1, "skip-tax"));

    [Benchmark(Description = "render the receipt (Mẫu 01)")]
    public string RenderReceipt() => DocumentRenderer.Render(
        _context, _trail.TakeWhile(e => e != _receipt).Append(_receipt).ToList(), _receipt,
        new LookupPage("https://motcua.example.gov.vn/tra-cuu"));

    [Benchmark(Description = "replay a 7-event trail")]
    public CaseState Replay() => CaseState.Replay(_trail);
}
