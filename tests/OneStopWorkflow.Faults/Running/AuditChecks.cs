namespace OneStopWorkflow.Faults.Running;

/// <summary>
/// The operator's checks after a fault, run with the real <c>onestop</c> tool: every trail's hash chain, and the day
/// figures kept with each save against their recount (changing nothing).
/// </summary>
internal static class AuditChecks
{
    /// <summary>Null when both pass, else what failed.</summary>
    public static async Task<string?> RunAsync(FaultOptions options, StoreReader store, string name)
    {
        var verify = await Child.RunAsync(options, $"{name} audit verify", options.Cli, ["audit", "verify"],
            store.Environment);
        var figures = await Child.RunAsync(options, $"{name} figures", options.Cli,
            ["audit", "rebuild-figures", "--check"], store.Environment);
        return (verify.Code, figures.Code) switch
        {
            (0, 0) => null,
            (not 0, 0) => "audit verify failed",
            (0, _) => "figures differ from their recount",
            _ => "audit verify failed and figures differ from their recount",
        };
    }
}
