using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace OneStopWorkflow.Designer.Accounts;

/// <summary>
/// The rate limits of sign-in: one limiter partitioned by the caller's IP address and one by the user name tried
/// (the user name is in the body, which ASP.NET's rate-limiting middleware does not read, so the endpoints ask
/// here before they check any password). A refused attempt never reaches the account, so it never counts towards
/// its lockout.
/// </summary>
internal sealed class SignInThrottle : IDisposable
{
    /// <summary>Identity's longest user name; a longer one is its first 256 characters here.</summary>
    private const int KeyLength = 256;

    private readonly PartitionedRateLimiter<string> _byAddress;
    private readonly PartitionedRateLimiter<string> _byUserName;

    public SignInThrottle(IOptions<SignInLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Value;
        _byAddress = Limiter(limits.PerAddress, limits.AddressWindow);
        _byUserName = Limiter(limits.PerUserName, limits.UserNameWindow);
    }

    /// <summary>
    /// Null when the attempt may go on; otherwise how long the caller should wait. The address is counted first, so
    /// one address trying many names runs out before it can count against any one name much.
    /// </summary>
    public TimeSpan? Refuse(HttpContext http, string userName)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(userName);
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "";
        var name = userName.Trim().ToUpperInvariant();
        return Refused(_byAddress, address) ?? Refused(_byUserName, name.Length > KeyLength ? name[..KeyLength] : name);
    }

    public void Dispose()
    {
        _byAddress.Dispose();
        _byUserName.Dispose();
    }

    private static TimeSpan? Refused(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired ? null
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter
            : TimeSpan.FromMinutes(1);
    }

    private static PartitionedRateLimiter<string> Limiter(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
}
