using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Hosting.Documents;

/// <summary>A paper as HTML to open or print, or why it cannot be had.</summary>
public sealed record DocumentResult(string? Html, Rejection? Rejection) : IRefusable<DocumentResult>
{
    public static DocumentResult Refused(Rejection rejection) => new(null, rejection);
}
