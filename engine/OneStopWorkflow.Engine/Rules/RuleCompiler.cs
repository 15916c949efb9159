using OneStopWorkflow.Engine.Diagnostics;
using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace OneStopWorkflow.Engine.Rules;

/// <summary>Parses rule expressions and checks every name they use against a <see cref="RuleScope"/>.</summary>
public static class RuleCompiler
{
    private static readonly LexerOptions ExpressionOnly = new() { Mode = ScriptMode.ScriptOnly };

    /// <summary>Returns the compiled rule, or null with OSW2xxx diagnostics; never throws on bad text.</summary>
    public static RuleExpression? Compile(
        string source, SourceLocation location, RuleScope scope, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (string.IsNullOrWhiteSpace(source))
        {
            diagnostics.Error("OSW2001",
                "The rule is empty; write an expression such as \"case.fields.area_m2 > 500\".", location);
            return null;
        }

        // Parenthesised so that a rule may start with 'case', which Scriban otherwise reads as its case/when keyword.
        var template = Template.Parse($"({source})", location.File, lexerOptions: ExpressionOnly);
        if (template.HasErrors)
        {
            var first = template.Messages.First(m => m.Type == ParserMessageType.Error);
            diagnostics.Error("OSW2001",
                $"The rule \"{source}\" does not parse: {first.Message} "
                + $"(at character {Math.Max(1, first.Span.Start.Column)}).",
                location);
            return null;
        }

        var before = diagnostics.Count;
        Check(template.Page, source, location, scope, diagnostics);
        return diagnostics.Count == before ? new RuleExpression(source, location, template) : null;
    }

    private static void Check(
        ScriptNode? node, string source, SourceLocation location, RuleScope scope, DiagnosticBag diagnostics)
    {
        switch (node)
        {
            case null:
                return;
            case ScriptAssignExpression or ScriptForStatement or ScriptWhileStatement or ScriptFunction
                or ScriptImportStatement or ScriptWithStatement:
                diagnostics.Error("OSW2003",
                    $"The rule \"{source}\" contains a statement; a rule is one expression that computes a value.",
                    location);
                return;
            case ScriptMemberExpression member when RootOf(member) is { } path:
                CheckPath(path, source, location, scope, diagnostics);
                return;
            case ScriptVariableGlobal global:
                CheckPath([global.Name], source, location, scope, diagnostics);
                return;
        }

        for (var i = 0; i < node.ChildrenCount; i++)
        {
            Check(node.GetChildren(i), source, location, scope, diagnostics);
        }
    }

    private static List<string>? RootOf(ScriptMemberExpression member)
    {
        var names = new List<string> { member.Member?.Name ?? "" };
        var target = member.Target;
        while (target is ScriptMemberExpression inner)
        {
            names.Insert(0, inner.Member?.Name ?? "");
            target = inner.Target;
        }

        if (target is not ScriptVariableGlobal global)
        {
            return null;
        }

        names.Insert(0, global.Name);
        return names;
    }

    private static void CheckPath(
        List<string> path, string source, SourceLocation location, RuleScope scope, DiagnosticBag diagnostics)
    {
        var root = path[0];
        if (RuleScope.Builtins.Contains(root))
        {
            return;
        }

        if (!RuleScope.Roots.Contains(root))
        {
            Unknown(root, RuleScope.Roots, "name", source, location, diagnostics);
            return;
        }

        if (path.Count < 2)
        {
            return;
        }

        var member = path[1];
        switch (root)
        {
            case "case" when !RuleScope.CaseMembers.Contains(member):
                Unknown(member, RuleScope.CaseMembers, "member of case", source, location, diagnostics);
                break;
            case "case" when member == "fields" && path.Count > 2 && !scope.CaseFields.Contains(path[2]):
                Unknown(path[2], scope.CaseFields, "case field", source, location, diagnostics);
                break;
            case "case" when member == "unit" && path.Count > 2 && !RuleScope.UnitMembers.Contains(path[2]):
                Unknown(path[2], RuleScope.UnitMembers, "member of case.unit", source, location, diagnostics);
                break;
            case "task" when !RuleScope.TaskMembers.Contains(member):
                Unknown(member, RuleScope.TaskMembers, "member of task", source, location, diagnostics);
                break;
            case "input" when !scope.Inputs.Contains(member):
                Unknown(member, scope.Inputs, "input of this action", source, location, diagnostics);
                break;
        }
    }

    private static void Unknown(
        string name, IEnumerable<string> known, string what, string source, SourceLocation location,
        DiagnosticBag diagnostics)
    {
        var code = what == "case field" ? "OSW2002" : "OSW2004";
        var hint = Spelling.Suggest(name, known) is { } suggestion ? $" Did you mean '{suggestion}'?" : "";
        var list = string.Join(", ", known.Order(StringComparer.Ordinal));
        diagnostics.Error(code,
            $"The rule \"{source}\" uses unknown {what} '{name}'.{hint} Known: {(list.Length > 0 ? list : "none")}.",
            location);
    }
}
