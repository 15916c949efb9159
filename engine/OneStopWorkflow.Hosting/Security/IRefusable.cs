using OneStopWorkflow.Engine.Refusals;

namespace OneStopWorkflow.Hosting.Security;

/// <summary>
/// A result that can carry a refusal instead of a value, so that the access behaviour can refuse any request
/// without knowing its result's shape.
/// </summary>
public interface IRefusable<out TSelf>
    where TSelf : IRefusable<TSelf>
{
    static abstract TSelf Refused(Rejection rejection);
}
