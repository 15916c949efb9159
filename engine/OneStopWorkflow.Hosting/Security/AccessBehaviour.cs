using Mediator;
using OneStopWorkflow.Engine.Refusals;

namespace OneStopWorkflow.Hosting.Security;

/// <summary>
/// The one access check every request passes: a request that is not <see cref="IPublicRequest"/> is refused
/// for an anonymous caller before its handler runs. What the caller may do once known is the handler's question
/// (its unit, its role, the case it may read).
/// </summary>
internal sealed class AccessBehaviour<TMessage, TResponse>(ActorAccessor actors)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        return message is IPublicRequest || actors.Actor is { Memberships.IsEmpty: false }
            ? next(message, cancellationToken)
            : ValueTask.FromResult(Refusal<TResponse>.Of(CaseAccess.Anonymous));
    }
}

/// <summary>
/// The same check for streamed queries, which cannot return a refusal: an anonymous caller gets an exception.
/// </summary>
internal sealed class StreamAccessBehaviour<TMessage, TResponse>(ActorAccessor actors)
    : IStreamPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IStreamMessage
{
    public IAsyncEnumerable<TResponse> Handle(
        TMessage message, StreamHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        return message is IPublicRequest || actors.Actor is { Memberships.IsEmpty: false }
            ? next(message, cancellationToken)
            : throw new UnauthorizedAccessException(CaseAccess.Anonymous.Message);
    }
}

/// <summary>
/// Builds a refused <typeparamref name="TResponse"/> through its <see cref="IRefusable{TSelf}"/> factory.
/// </summary>
internal static class Refusal<TResponse>
{
    private static readonly Func<Rejection, TResponse> Factory = Find();

    public static TResponse Of(Rejection rejection) => Factory(rejection);

    private static Func<Rejection, TResponse> Find()
    {
        var refusable = typeof(TResponse).GetInterfaces()
            .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRefusable<>));
        if (!refusable)
        {
            return _ => throw new InvalidOperationException(
                $"{typeof(TResponse).Name} cannot carry a refusal; make it IRefusable or its request IPublicRequest.");
        }

        var method = typeof(TResponse).GetMethod(nameof(IRefusable<>.Refused), [typeof(Rejection)])
            ?? throw new InvalidOperationException(
                $"{typeof(TResponse).Name} has no public static Refused(Rejection).");
        return method.CreateDelegate<Func<Rejection, TResponse>>();
    }
}
