using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using OneStopWorkflow.Designer.Accounts;
using OneStopWorkflow.Designer.Auditing;
using OneStopWorkflow.Designer.Api;
using OneStopWorkflow.Designer.Components;
using OneStopWorkflow.Designer.Designing;
using OneStopWorkflow.Designer.Workbench;
using OneStopWorkflow.Hosting;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Hosting.Startup;
using OneStopWorkflow.Persistence.Accounts;
using OneStopWorkflow.Persistence.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration["OneStop:ProceduresFolder"] = CatalogLocation.Resolve(builder.Configuration["OneStop:ProceduresFolder"], builder.Environment.ContentRootPath);

if (builder.Configuration.GetValue("OneStop:DemoData", false))
{
    var demoClock = new DemoClock();
    builder.Services.AddSingleton(demoClock);
    builder.Services.AddSingleton<TimeProvider>(demoClock);
}

builder.Services.AddOneStopWorkflow(builder.Configuration);
builder.Services.AddIdentityCore<UserRow>(o =>
    {
        o.Password.RequiredLength = 8;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
        o.User.RequireUniqueEmail = false;
    })
    .AddRoles<IdentityRole>()
    .AddEntityFrameworkStores<OneStopDbContext>()
    .AddSignInManager()
    .AddClaimsPrincipalFactory<MembershipClaimsFactory>();
builder.Services.AddAuthentication(o =>
    {
        o.DefaultScheme = "cookie-or-bearer";
        o.DefaultChallengeScheme = "cookie-or-bearer";
    })
    .AddPolicyScheme("cookie-or-bearer", "Cookie or bearer", o => o.ForwardDefaultSelector = http =>
        http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
            ? IdentityConstants.BearerScheme
            : IdentityConstants.ApplicationScheme)
    .AddBearerToken(IdentityConstants.BearerScheme)
    .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(o =>
    {
        o.LoginPath = "/login";
        o.AccessDeniedPath = "/forbidden";
        o.Cookie.Name = "onestop";
        o.Events.OnRedirectToLogin = http => Unauthorized(http.HttpContext, http.RedirectUri, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = http => Unauthorized(http.HttpContext, http.RedirectUri, StatusCodes.Status403Forbidden);
    }));
builder.Services.AddAuthorization();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddScoped<AppSession>();
builder.Services.AddSingleton<DemoData>();
builder.Services.AddProblemDetails();

// Malformed JSON is the caller's mistake: a 400 ProblemDetails in every environment, never an exception page.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.Services.AddRateLimiter(o =>
{
    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    o.AddPolicy("lookup", http => RateLimitPartition.GetFixedWindowLimiter(
        http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) }));
});

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture("vi-VN"),
    SupportedCultures = [new CultureInfo("vi-VN"), new CultureInfo("en-GB")],
    SupportedUICultures = [new CultureInfo("vi-VN"), new CultureInfo("en-GB")],
});
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.Use(async (http, next) =>
{
    http.RequestServices.GetRequiredService<ActorAccessor>().Actor = ActorClaims.ToActor(http.User);
    await next(http);
});
app.UseRateLimiter();
app.UseAntiforgery();

app.MapHealthChecks("/healthz");
app.MapOpenApi("/api/openapi.json");
app.MapAccountEndpoints();
app.MapCultureEndpoint();
app.MapDocumentEndpoints();
app.MapOneStopApi();
app.MapTransferEndpoints();
app.MapAuditEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

// Start-up: migrate, import the catalog (refusing to start on any error, which names the file), then demo data.
await app.Services.GetRequiredService<OneStopInitializer>().InitializeOrThrowAsync(CancellationToken.None);
if (app.Configuration.GetValue("OneStop:DemoData", false))
{
    await app.Services.GetRequiredService<DemoData>().SeedAsync(CancellationToken.None);
}

app.Lifetime.ApplicationStarted.Register(() => StartupLog.Ready(app.Logger, app.Urls,
    app.Configuration["Storage:Provider"] ?? "sqlite", app.Environment.EnvironmentName));
await app.RunAsync();

static Task Unauthorized(HttpContext http, string redirect, int status)
{
    if (http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
    {
        http.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    http.Response.Redirect(redirect);
    return Task.CompletedTask;
}

/// <summary>Lets WebApplicationFactory find the app's entry point.</summary>
public partial class Program;
