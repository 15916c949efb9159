namespace OneStopWorkflow.Hosting.Security;

/// <summary>
/// A request anyone may send without signing in: the citizen's lookup and rating, which prove themselves with the
/// dossier code and its secret. Every other request needs a known actor.
/// </summary>
public interface IPublicRequest;
