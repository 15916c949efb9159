using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Hosting.Security;

/// <summary>
/// Who is calling, per scope: the web app sets it from the signed-in user, the CLI from its arguments.
/// Null means anonymous; every handler refuses anonymous callers except the public lookup.
/// </summary>
public sealed class ActorAccessor
{
    public Actor? Actor { get; set; }
}
