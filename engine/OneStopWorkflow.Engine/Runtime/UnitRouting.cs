using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Rules;
using OneStopWorkflow.Engine.Units;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>
/// Which unit a step's task goes to, and which unit a task is sent on to; a unit it cannot name refuses the command.
/// </summary>
internal static class UnitRouting
{
    /// <summary>The target that names the parent of the task's unit rather than a unit code.</summary>
    private const string Parent = "parent";

    /// <summary>
    /// The unit of a step's new task: a fixed unit, the unit of an earlier step, a rule's answer, or the receiving
    /// unit.
    /// </summary>
    public static string ResolveUnit(DecisionContext context, CaseState state, StepDefinition step)
    {
        switch (step.Unit.Kind)
        {
            case UnitAssignmentKind.Fixed:
                return step.Unit.Value!;
            case UnitAssignmentKind.SameAsStep:
                return state.Tasks.LastOrDefault(t => t.Step.Value == step.Unit.Value)?.Unit ?? state.ReceivingUnit;
            case UnitAssignmentKind.Rule:
                var result = RuleEvaluator.Evaluate(step.Unit.Rule!, RuleModel.For(context, state, null, null));
                if (result.Failed || result.Value is not string code || context.Units.Find(code) is null)
                {
                    throw new RejectedException(result.Error is { } error
                        ? Rejection.Of(RejectionCodes.RoutingFailed).With("step", step.Id.Value).With("error", error)
                        : Rejection.Of(RejectionCodes.RoutingFailed, "not-a-unit").With("step", step.Id.Value)
                            .With("rule", step.Unit.Rule!.Source).With("value", $"{result.Value}"));
                }

                return code;
            default:
                return state.ReceivingUnit;
        }
    }

    /// <summary>The parent of a unit, or the named unit; an unknown target refuses the command.</summary>
    public static string ResolveTarget(UnitDirectory units, string unit, string to)
    {
        var target = to == Parent ? units.ParentOf(unit)?.Code : units.Find(to)?.Code;
        return target ?? throw new RejectedException(to == Parent
            ? Rejection.Of(RejectionCodes.UnknownUnit, "no-parent").With("unit", unit)
            : Rejection.Of(RejectionCodes.UnknownUnit).With("unit", TextInput.Quote(to)).On("to"));
    }
}
