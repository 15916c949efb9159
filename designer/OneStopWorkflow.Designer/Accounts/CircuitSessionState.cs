using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using OneStopWorkflow.Persistence.Accounts;

namespace OneStopWorkflow.Designer.Accounts;

/// <summary>
/// The signed-in user of an open Blazor circuit, which outlives the request that opened it: checked again every
/// <see cref="SessionRules.ValidationInterval"/>, so a page left open loses its access (and shows the sign-in)
/// within that interval of a removed membership, a disabled account, a reset password or a sign-out.
/// </summary>
internal sealed class CircuitSessionState(ILoggerFactory logs, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(logs)
{
    protected override TimeSpan RevalidationInterval => SessionRules.ValidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        return IsCurrentAsync(authenticationState.User);
    }

    /// <summary>Whether <paramref name="user"/> still passes <see cref="SessionCheck"/>.</summary>
    internal async Task<bool> IsCurrentAsync(ClaimsPrincipal user)
    {
        // A circuit lives long; the check gets its own scope, so it never shares a DbContext with a page.
        await using var scope = scopes.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<UserRow>>();
        return await SessionCheck.CurrentUserAsync(signIn, user) is not null;
    }
}
