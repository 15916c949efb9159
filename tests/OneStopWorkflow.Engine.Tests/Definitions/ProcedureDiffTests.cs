using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Tests.Runtime;

namespace OneStopWorkflow.Engine.Tests.Definitions;

public sealed class ProcedureDiffTests
{
    [Fact]
    public void Lists_added_and_removed_steps_and_changed_budgets_and_targets()
    {
        var v1 = LandTransfer.Procedure;
        var review = v1.Step(new StepId("land-review"));
        var v2 = v1 with
        {
            Version = 2,
            Steps = [.. v1.Steps.Where(s => s.Id.Value != "return-result")
                .Select(s => s.Id == review.Id
                    ? s with
                    {
                        Budget = WorkingDuration.Days(3),
                        Actions = [.. s.Actions.Select(a =>
                            a.Id == "send-to-tax" ? a with { To = new StepId("update-certificate") } : a)],
                    }
                    : s),
                v1.Steps[0] with { Id = new StepId("double-check"), Actions = [] }],
        };

        var changes = ProcedureDiff.Compare(v1, v2).Select(c => $"{c.Kind} {c.Where}: {c.What}").ToList();

        Assert.Contains(changes, c => c.StartsWith("added step double-check", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.StartsWith("removed step return-result", StringComparison.Ordinal));
        Assert.Contains("changed step land-review: budget: 4 WD → 3 WD", changes);
        Assert.Contains(
            "changed step land-review action send-to-tax: target: tax-obligation → update-certificate", changes);
        Assert.Empty(ProcedureDiff.Compare(v1, v1));
    }
}
