using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OneStopWorkflow.Persistence.Accounts;

namespace OneStopWorkflow.Designer.Accounts;

/// <summary>
/// A password hash of no account, made once with the configured hashing cost, which <see cref="PasswordCheck"/>
/// verifies when there is no account to check, so that costs what checking a real one does.
/// </summary>
internal sealed class DummyPassword(IOptions<PasswordHasherOptions> options)
{
    public static readonly UserRow Nobody = new() { UserName = "nobody", DisplayName = "" };

    private readonly Lazy<string> _hash = new(() => new PasswordHasher<UserRow>(options)
        .HashPassword(Nobody, Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));

    public string Hash => _hash.Value;
}
