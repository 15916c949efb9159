using System.Collections.Immutable;
using System.Text.Json;
using CsCheck;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Units;

namespace OneStopWorkflow.Engine.Tests.Runtime;

/// <summary>
/// Drives random command sequences through every real procedure and checks the invariants the rest of the
/// product relies on: no exception, open cases have a due instant, every event names an actor, replay equals
/// state, and time never runs backwards on the trail.
/// </summary>
public sealed class RandomCommandSequenceTests
{
    private static readonly string[] Units =
        ["HP.LECHAN", "HP.NAMANPHU", "HP.VPDKDD.CN1", "HP.VPDKDD", "HP.THUE", "HP"];
    private static readonly string[] Roles =
        ["clerk", "leader", "land-officer", "civil-status-officer", "business-registrar", "tax-officer"];

    private static readonly Actor Everyone = new("anyone",
        [.. Units.SelectMany(u => Roles.Select(r => new Membership(u, r)))]);

    public static TheoryData<string> Procedures() =>
        ["land-use-transfer", "birth-registration", "business-household-registration"];

    [Theory]
    [MemberData(nameof(Procedures))]
    public void Random_sequences_keep_the_invariants(string code)
    {
        var loaded = ProcedureLoader.Load(
            Catalog.ReadVersion(Repository.PathOf("procedures", code, "v1"), $"{code}/v1/procedure.json"),
            Catalog.Context(new DateOnly(2026, 6, 1)));
        var procedure = loaded.Procedure!;
        var actions = procedure.Steps.SelectMany(s => s.Actions.Select(a => a.Id)).Distinct().ToArray();
        var fields = SampleFields(procedure);
        var steps = Gen.Select(Gen.Int[0, 9], Gen.Int[0, actions.Length - 1], Gen.Int[1, 30]).Array[1, 25];

        steps.Sample(plan =>
        {
            var now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));
            var context = new DecisionContext(procedure, loaded.Sha256!, Catalog.Calendar, Catalog.Units, now);
            var unit = procedure.ReceivableAt.Contains("commune") ? "HP.LECHAN" : "HP";
            if (code == "business-household-registration")
            {
                unit = "HP.NAMANPHU";
            }

            var received = Workflow.Decide(context, null,
                new ReceiveCommand(Everyone, new CaseId("p"), unit) {
                Fields = fields, Sequence = 1, Components = ReceivedComponent.AsListed(procedure),
            });
            Assert.False(received.IsRejected, string.Join("; ", received.Rejections));
            var state = received.State!;
            var events = new List<CaseEvent>(received.Events);
            foreach (var (kind, action, hours) in plan)
            {
                now = Catalog.Calendar.AddWorkingHours(now, hours / 4m);
                var command = Command(kind, actions[action]);
                var decision = Workflow.Decide(context with { Now = now }, state, command);
                if (decision.IsRejected)
                {
                    Assert.All(decision.Rejections, r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));
                    continue;
                }

                events.AddRange(decision.Events);
                state = decision.State!;
                Check(state, events);
            }
        }, iter: 60);
    }

    private static CaseCommand Command(int kind, string action) => kind switch
    {
        < 6 => new ActCommand(Everyone, action)
        {
            Input = ImmutableDictionary<string, string>.Empty.Add("reason", "lý do"),
        },
        6 => new ResubmitCommand(Everyone),
        7 => new TickCommand(),
        8 => new HandUpCommand(Everyone, "parent", "vượt thẩm quyền"),
        _ => new WithdrawCommand(Everyone, "người nộp rút hồ sơ"),
    };

    private static void Check(CaseState state, List<CaseEvent> events)
    {
        Assert.All(events, e => Assert.False(string.IsNullOrEmpty(e.Actor.User)));
        for (var i = 1; i < events.Count; i++)
        {
            Assert.True(events[i].At >= events[i - 1].At, $"event {i + 1} goes back in time");
        }

        if (!state.IsFinished)
        {
            Assert.NotEmpty(state.OpenTasks);
            var waitingForApplicant = state.OpenTasks.Any(t => t.Role is null);
            Assert.True(
                state.Appointment is not null || state.OpenTasks.Any(t => t.Due is not null) || waitingForApplicant,
                "an open case has no due instant");
        }

        Assert.Equal(JsonSerializer.Serialize(state), JsonSerializer.Serialize(CaseState.Replay(events)));
    }

    private static ImmutableDictionary<string, string> SampleFields(ProcedureDefinition procedure) =>
        procedure.Fields.ToImmutableDictionary(f => f.Name, f => f.Type switch
        {
            FieldType.Number or FieldType.WholeNumber => "5",
            FieldType.Date => "2026-02-27",
            FieldType.Boolean => "false",
            FieldType.Choice => f.Choices[0],
            _ => "Lê An",
        });
}
