using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using OneStopWorkflow.Designer.Accounts;
using OneStopWorkflow.Designer.Api;
using OneStopWorkflow.Designer.Auditing;
using OneStopWorkflow.Designer.Components;
using OneStopWorkflow.Designer.Demo;
using OneStopWorkflow.Designer.Designing;
using OneStopWorkflow.Designer.Documents;
using OneStopWorkflow.Designer.Localization;
using OneStopWorkflow.Designer.Lookup;
using OneStopWorkflow.Designer.Online;
using OneStopWorkflow.Designer.Operations;
using OneStopWorkflow.Designer.PublicCatalog;
using OneStopWorkflow.Designer.Workbench;
using OneStopWorkflow.Hosting;
using OneStopWorkflow.Hosting.Accounts;
using OneStopWorkflow.Hosting.Lookup;
using OneStopWorkflow.Hosting.Security;
using OneStopWorkflow.Hosting.Startup;
using OneStopWorkflow.Persistence.Accounts;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Designer;

/// <summary>The web host: its services, its request pipeline and endpoints, and what it does before serving.</summary>
public static class OneStopWebExtensions
{
    /// <summary>
    /// The application layer plus sign-in, the Blazor UI, the API's plumbing, /healthz and the client address the
    /// lookup limit counts the page's lookups by.
    /// Resolves <c>OneStop:ProceduresFolder</c> in <paramref name="configuration"/> first, because the application
    /// layer reads it while registering. With <c>OneStop:DemoData</c> the clock is the demo clock.
    /// </summary>
    public static IServiceCollection AddOneStopWeb(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        configuration["OneStop:ProceduresFolder"] =
            CatalogLocation.Resolve(configuration["OneStop:ProceduresFolder"], environment.ContentRootPath);
        if (configuration.GetValue("OneStop:DemoData", false))
        {
            var demoClock = new DemoClock();
            services.AddSingleton(demoClock);
            services.AddSingleton<TimeProvider>(demoClock);
        }

        services.AddOneStopWorkflow(configuration);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddAccounts(configuration);
        services.AddMudServices();
        services.AddScoped<AppSession>();
        services.AddSingleton<DemoData>();
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestHandler>();
        services.AddExceptionHandler<StoreUnavailableHandler>();

        // Malformed JSON is the caller's mistake: a 400 ProblemDetails in every environment, never an exception page.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        // The public lookup's limit is the application layer's (LookupLimiter), so the page is held to it too.
        services.AddRateLimiter(o => o.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
        services.AddHttpContextAccessor();
        services.AddScoped<ClientAddress>();
        services.AddScoped<CircuitHandler, ClientAddressCapture>();
        return services;
    }

    private static bool IsForPeople(PathString path) =>
        !path.StartsWithSegments("/api") && !path.StartsWithSegments("/_framework")
        && !path.StartsWithSegments("/_blazor") && !path.StartsWithSegments("/healthz");

    /// <summary>The middleware, in the order it must run, then every endpoint and the Blazor pages.</summary>
    public static WebApplication UseOneStopWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        if (!app.Environment.IsDevelopment())
        {
            // Only over HTTPS: browsers ignore it on plain HTTP, where the middleware does not send it.
            app.UseHsts();
        }

        // An empty error answer gets a body: a ProblemDetails for the API and documents' machines, a page in the UI
        // language for people (re-executed, so the status stays what it was).
        app.UseWhen(http => IsForPeople(http.Request.Path), people =>
            people.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true));
        app.UseWhen(http => !IsForPeople(http.Request.Path), machines => machines.UseStatusCodePages());

        // Routing after the status pages, so that a re-executed request finds the status page's endpoint.
        app.UseRouting();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("vi-VN"),
            SupportedCultures = [new CultureInfo("vi-VN"), new CultureInfo("en-GB")],
            SupportedUICultures = [new CultureInfo("vi-VN"), new CultureInfo("en-GB")],

            // The language switch's cookie first, then Accept-Language for API callers only (see ApiLanguage).
            RequestCultureProviders = [new CookieRequestCultureProvider(), new ApiLanguage()],
        });
        app.UseStaticFiles();
        app.UseHubOrigin();
        app.UseAuthentication();
        app.UseMiddleware<BearerSessions>();
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
        app.MapOnlineEndpoints();
        app.MapPublicCatalogue();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o =>
        {
            // The pages' whole policy, frame-ancestors included, is set by SecurityHeaders.
            o.ContentSecurityFrameAncestorsPolicy = null;
        });
        return app;
    }

    /// <summary>
    /// Migrates and imports the catalog (refusing to start on any error, which names the file), warns when receipts
    /// have no public lookup address, seeds the demo data when configured, and logs where the app is ready.
    /// </summary>
    public static async Task InitializeOneStopWebAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.Services.GetRequiredService<OneStopInitializer>().InitializeOrThrowAsync(cancellationToken);
        if (app.Services.GetRequiredService<IOptions<OneStopOptions>>().Value.PublicLookupUrl is null)
        {
            StartupLog.NoPublicLookup(app.Logger, PublicLookup.Fallback);
        }

        if (app.Configuration.GetValue("OneStop:DemoData", false))
        {
            await app.Services.GetRequiredService<DemoData>().SeedAsync(cancellationToken);
        }

        app.Lifetime.ApplicationStarted.Register(() => StartupLog.Ready(app.Logger, app.Urls,
            app.Configuration["Storage:Provider"] ?? "sqlite", app.Environment.EnvironmentName));
    }

    /// <summary>
    /// Identity's users and sign-in, a cookie for the browser or a bearer token for integrations (the only sign-in
    /// the API takes, see <see cref="AccountSchemes"/>).
    /// </summary>
    private static void AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentityCore<UserRow>(AccountRules.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<OneStopDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<MembershipClaimsFactory>();
        services.AddSessionChecks(configuration);
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = AccountSchemes.CookieOrBearer;
                o.DefaultChallengeScheme = AccountSchemes.CookieOrBearer;
            })
            .AddPolicyScheme(AccountSchemes.CookieOrBearer, "Cookie or bearer",
                o => o.ForwardDefaultSelector = http => AccountSchemes.For(http.Request))
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = SessionRules.BearerLifetime;
                o.RefreshTokenExpiration = SessionRules.RefreshLifetime;
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(o =>
            {
                o.LoginPath = "/login";
                o.AccessDeniedPath = "/forbidden";
                o.Cookie.Name = "onestop";
                o.Events.OnRedirectToLogin = http =>
                    Unauthorized(http.HttpContext, http.RedirectUri, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = http =>
                    Unauthorized(http.HttpContext, http.RedirectUri, StatusCodes.Status403Forbidden);
            }));
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
    }

    /// <summary>
    /// What makes sign-in safe: cookies, bearer tokens and open circuits checked again every
    /// <see cref="SessionRules.ValidationInterval"/>, and the password check and rate limits of both sign-ins.
    /// </summary>
    private static void AddSessionChecks(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = SessionRules.ValidationInterval);
        services.AddScoped<ISecurityStampValidator, CookieSessionValidator>();
        services.AddSingleton<BearerSessions>();
        services.AddScoped<AuthenticationStateProvider, CircuitSessionState>();
        services.AddSingleton<DummyPassword>();
        services.AddScoped<PasswordCheck>();
        services.Configure<SignInLimitOptions>(configuration.GetSection("OneStop:SignInLimits"));
        services.AddSingleton<SignInThrottle>();
    }

    /// <summary>The API answers 401/403; pages redirect to the sign-in or forbidden page.</summary>
    private static Task Unauthorized(HttpContext http, string redirect, int status)
    {
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            http.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        http.Response.Redirect(redirect);
        return Task.CompletedTask;
    }
}
