using OneStopWorkflow.Engine.Refusals;

namespace OneStopWorkflow.Engine.Runtime.Commands;

/// <summary>The reason a command that departs from the procedure's course must state for the record.</summary>
internal static class Reasons
{
    /// <summary>A reason given, of at most 2,000 characters, with no control or text-direction character.</summary>
    public static void Require(string reason, string command)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RejectedException(Rejection.Of(RejectionCodes.ReasonRequired, command).On("reason"));
        }

        if (TextInput.Check(reason, "reason", TextInput.Reason) is { } refused)
        {
            throw new RejectedException(refused);
        }
    }
}
