using Microsoft.AspNetCore.Identity;
using OneStopWorkflow.Persistence.Accounts;

namespace OneStopWorkflow.Designer.Tests.Accounts;

/// <summary>Identity's password hasher, counting the passwords it verifies.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<UserRow>
{
    private readonly PasswordHasher<UserRow> _hasher = new();
    private int _verified;

    public int Verified => Volatile.Read(ref _verified);

    public string HashPassword(UserRow user, string password) => _hasher.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(UserRow user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verified);
        return _hasher.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
