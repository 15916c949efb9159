using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace OneStopWorkflow.Engine.Rules;

/// <summary>
/// Runs compiled rules in Scriban's sandbox: strict variables, no .NET member access (the model holds only
/// script objects and values), bounded loops, recursion and string sizes, and no template loader.
/// A failure becomes a <see cref="RuleResult"/> error, never an exception and never a silent default.
/// </summary>
public static class RuleEvaluator
{
    /// <summary>
    /// Scriban's libraries, shared by every evaluation; rules are expressions, so they cannot assign to them.
    /// </summary>
    private static readonly Scriban.Functions.BuiltinFunctions Builtins = ScriptBuiltins.Frozen();

    public static RuleResult Evaluate(RuleExpression rule, ScriptObject model)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(model);
        var context = new TemplateContext(Builtins)
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            LoopLimit = 1000,
            RecursiveLimit = 20,
            LimitToString = 10_000,

            // Rules see script objects and plain values only; no member of a .NET object is ever exposed.
            MemberFilter = _ => false,
        };
        context.PushGlobal(model);
        try
        {
            return RuleResult.Of(rule.Compiled.Evaluate(context));
        }
        catch (ScriptRuntimeException ex)
        {
            return RuleResult.Fail($"rule \"{rule.Source}\" failed: {ex.OriginalMessage}");
        }
        catch (InvalidCastException ex)
        {
            return RuleResult.Fail($"rule \"{rule.Source}\" failed: {ex.Message}");
        }
    }

    /// <summary>Evaluates a condition; anything but a boolean result is an error naming the rule.</summary>
    public static RuleResult EvaluateCondition(RuleExpression rule, ScriptObject model)
    {
        var result = Evaluate(rule, model);
        return result.Failed || result.Value is bool
            ? result
            : RuleResult.Fail($"rule \"{rule.Source}\" must be true or false but gave '{result.Value ?? "null"}'");
    }
}
