using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Engine.Rules;
using Scriban.Runtime;

namespace OneStopWorkflow.Engine.Tests.Rules;

public sealed class RuleEvaluatorTests
{
    private static readonly RuleScope Scope = new(["area_m2", "applicant_kind"], ["reason"]);

    private static RuleExpression Compile(string source)
    {
        var diagnostics = new DiagnosticBag();
        var rule = RuleCompiler.Compile(source, SourceLocation.InFile("test.json"), Scope, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.ToImmutable()));
        return rule!;
    }

    private static ScriptObject Model(decimal area, string kind)
    {
        var fields = new ScriptObject { ["area_m2"] = area, ["applicant_kind"] = kind };
        var unit = new ScriptObject { ["code"] = "HP.LECHAN", ["level"] = "commune", ["remote"] = false };
        return new ScriptObject { ["case"] = new ScriptObject { ["fields"] = fields, ["unit"] = unit } };
    }

    [Theory]
    [InlineData("case.fields.area_m2 > 500", 600, true)]
    [InlineData("case.fields.area_m2 > 500", 400, false)]
    [InlineData("case.fields.applicant_kind == 'organisation' && case.unit.level == 'commune'", 1, true)]
    public void Evaluates_conditions_over_the_case(string source, int area, bool expected)
    {
        var result = RuleEvaluator.EvaluateCondition(Compile(source), Model(area, "organisation"));

        Assert.Null(result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Fact]
    public void Routes_to_a_unit_code()
    {
        var rule = Compile("case.fields.area_m2 > 500 ? 'HP.VPDKDD' : case.unit.code");

        Assert.Equal("HP.VPDKDD", RuleEvaluator.Evaluate(rule, Model(900, "individual")).Value);
        Assert.Equal("HP.LECHAN", RuleEvaluator.Evaluate(rule, Model(90, "individual")).Value);
    }

    [Fact]
    public void A_condition_that_is_not_boolean_is_an_error_naming_the_rule()
    {
        var result = RuleEvaluator.EvaluateCondition(Compile("case.fields.area_m2"), Model(10, "individual"));

        Assert.True(result.Failed);
        Assert.Contains("case.fields.area_m2", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_runtime_failure_is_reported_not_thrown()
    {
        var result = RuleEvaluator.Evaluate(Compile("case.fields.area_m2 / 0 > 1"), Model(10, "individual"));

        Assert.True(result.Failed);
    }

    [Fact]
    public void A_dotnet_method_call_fails_at_run_time()
    {
        var result = RuleEvaluator.Evaluate(
            Compile("case.fields.applicant_kind.GetType() != null"), Model(1, "individual"));

        Assert.True(result.Failed, $"expected a failure but got {result.Value}");
    }

    [Theory]
    [InlineData("x = 1", "OSW2001")]
    [InlineData("1..3 | array.each @(do; ret $0; end)", "OSW2003")]
    [InlineData("environment.machine_name", "OSW2004")]
    [InlineData("case.feilds.area_m2 > 1", "OSW2004")]
    [InlineData("input.reasn != ''", "OSW2004")]
    public void Refuses_what_a_rule_may_not_do_when_the_version_loads(string source, string code)
    {
        var diagnostics = new DiagnosticBag();

        var rule = RuleCompiler.Compile(source, SourceLocation.InFile("test.json"), Scope, diagnostics);

        Assert.Null(rule);
        Assert.Equal(code, Assert.Single(diagnostics.ToImmutable()).Code);
    }

    [Fact]
    public void No_dotnet_member_is_reachable_at_run_time()
    {
        var model = Model(1, "individual");
        model["now"] = DateTimeOffset.UnixEpoch;

        var result = RuleEvaluator.Evaluate(Compile("now.ticks > 0"), model);

        Assert.True(result.Failed || result.Value is null or false, $"reached a .NET member: {result.Value}");
    }

    [Fact]
    public void Scope_lists_fields_for_did_you_mean()
    {
        var diagnostics = new DiagnosticBag();

        RuleCompiler.Compile("case.fields.area > 1", SourceLocation.InFile("t.json"), Scope, diagnostics);

        Assert.Contains(
            "Did you mean 'area_m2'?", diagnostics.ToImmutable().Single().Message, StringComparison.Ordinal);
    }
}
