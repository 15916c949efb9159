using Scriban.Functions;
using Scriban.Runtime;

namespace OneStopWorkflow.Engine.Rules;

/// <summary>
/// Scriban's function libraries, built once per use and made read-only, so every rule and template evaluation can
/// share them: building them costs more than an evaluation.
/// </summary>
internal static class ScriptBuiltins
{
    /// <param name="trim">Removes what the caller must not reach before the libraries are frozen.</param>
    public static BuiltinFunctions Frozen(Action<BuiltinFunctions>? trim = null)
    {
        var builtins = new BuiltinFunctions();
        trim?.Invoke(builtins);
        foreach (var child in builtins.Values.OfType<ScriptObject>())
        {
            child.IsReadOnly = true;
        }

        builtins.IsReadOnly = true;
        return builtins;
    }
}
