using Mediator;
using Microsoft.Extensions.DependencyInjection;

// Handlers use the scoped DbContext and ActorAccessor, so Mediator is generated for a scoped lifetime.
[assembly: MediatorOptions(ServiceLifetime = ServiceLifetime.Scoped)]
