using System.Collections.Immutable;
using Microsoft.AspNetCore.Identity;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Persistence.Accounts;

namespace OneStopWorkflow.Hosting.Accounts;

/// <summary>
/// Identity's validation errors as refusals on the field they concern (<c>userName</c> or <c>password</c>). Identity
/// describes its errors in English only, so their Vietnamese is written here from the error's code and the
/// configured rules.
/// </summary>
internal static class IdentityProblems
{
    public static ImmutableArray<Rejection> Refusals(
        IReadOnlyCollection<IdentityError> errors, string userName, IdentityOptions options)
    {
        var user = errors.Where(e => !IsPassword(e)).ToList();
        var password = errors.Where(IsPassword).ToList();
        var refusals = ImmutableArray.CreateBuilder<Rejection>();
        if (user.Count > 0)
        {
            refusals.Add(Rejection.Of(RejectionCodes.FieldInvalid, "user-name").On("userName")
                .With("user", CaseAccess.Quote(userName)).With("problems", Describe(user, options)));
        }

        if (password.Count > 0)
        {
            refusals.Add(Rejection.Of(RejectionCodes.FieldInvalid, "password").On("password")
                .With("problems", Describe(password, options)));
        }

        return refusals.ToImmutable();
    }

    /// <summary>What the user validators find: a name taken or not valid.</summary>
    public static async Task<List<IdentityError>> OfUserAsync(UserManager<UserRow> users, UserRow user)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.UserValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user)).Errors);
        }

        return errors;
    }

    /// <summary>What the password validators find, checked before anything is written.</summary>
    public static async Task<List<IdentityError>> OfPasswordAsync(
        UserManager<UserRow> users, UserRow user, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        }

        return errors;
    }

    private static bool IsPassword(IdentityError error) =>
        error.Code.StartsWith("Password", StringComparison.Ordinal);

    private static LocalizedText Describe(IReadOnlyList<IdentityError> errors, IdentityOptions options) => new(
        string.Join(" ", errors.Select(e => Vietnamese(e, options))),
        string.Join(" ", errors.Select(e => e.Description)));

    private static string Vietnamese(IdentityError error, IdentityOptions options) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) =>
            $"Mật khẩu phải có ít nhất {options.Password.RequiredLength} ký tự.",
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) =>
            $"Mật khẩu phải có ít nhất {options.Password.RequiredUniqueChars} ký tự khác nhau.",
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) =>
            "Mật khẩu phải có ít nhất một ký tự đặc biệt (không phải chữ hay số).",
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => "Mật khẩu phải có ít nhất một chữ số (0-9).",
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => "Mật khẩu phải có ít nhất một chữ thường (a-z).",
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => "Mật khẩu phải có ít nhất một chữ hoa (A-Z).",
        nameof(IdentityErrorDescriber.DuplicateUserName) => "Tên đăng nhập này đã có người dùng.",
        nameof(IdentityErrorDescriber.InvalidUserName) =>
            "Tên đăng nhập không được để trống và chỉ gồm chữ cái không dấu, chữ số và các ký tự - . _ @ +.",
        _ => error.Description,
    };
}
