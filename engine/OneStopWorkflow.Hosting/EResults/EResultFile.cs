using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Security;

namespace OneStopWorkflow.Hosting.EResults;

/// <summary>A case's electronic result to download (a PDF), or why it cannot be had.</summary>
public sealed record EResultFile(string? FileName, string? MediaType, byte[]? Content, Rejection? Rejection)
    : IRefusable<EResultFile>
{
    public static EResultFile Refused(Rejection rejection) => new(null, null, null, rejection);
}
