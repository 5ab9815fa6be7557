using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using StrongChain.Docs.Api.Agreements;
using StrongChain.Docs.Api.Applications;
using StrongChain.Docs.Api.DemandList;
using StrongChain.Docs.Api.Hosting;
using StrongChain.Docs.Api.Identity;
using StrongChain.Docs.Api.Outbox;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Api.Programme;
using StrongChain.Docs.Api.Rendering;
using StrongChain.Docs.Api.Uploads;
using StrongChain.Docs.Storage;

var builder = WebApplication.CreateBuilder(args);

builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = UploadReader.MaxRequestBytes);
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(UploadReader.Configure);
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemHandler.AddCode);
builder.Services.AddExceptionHandler<ProblemHandler>();
// No action binds form fields (uploads are read by UploadReader): MVC's form value providers would parse any body sent as
// a form, and its jQuery-style key parser throws on a key with an unclosed '[' (a PDF posted by curl --data-binary).
builder.Services.AddControllers(o =>
{
    o.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
    o.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
    o.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
}).AddJsonOptions(o =>
    o.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
// ProblemDetails (findings of a 422) are written with the minimal-API options: enums as strings there too.
builder.Services.ConfigureHttpJsonOptions(o =>
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
builder.Services.AddOpenApi();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddDocsStorage(builder.Configuration, builder.Environment.ContentRootPath);
var dataDirectory = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Storage:DataDirectory"] ?? "data"));
builder.Services.AddDocsIdentity(builder.Configuration, dataDirectory);
builder.Services.AddScoped<IProgrammeCatalogue, StoredProgrammeCatalogue>();
builder.Services.AddSingleton<DemandLookupCache>();
builder.Services.AddSingleton<UploadReader>();
builder.Services.AddScoped<ApplicationChecker>();
builder.Services.AddScoped<ApplicationSubmitter>();
builder.Services.AddScoped<RecordForms>();
builder.Services.AddScoped<DemandImporter>();
builder.Services.AddScoped<AgreementDrafter>();
builder.Services.AddScoped<StrongChain.Docs.Api.Review.ApplicationAccess>();
builder.Services.AddScoped<StrongChain.Docs.Api.Review.DecisionLetters>();
builder.Services.AddScoped<StrongChain.Docs.Api.Review.InvitationGuard>();
builder.Services.AddScoped<StrongChain.Docs.Api.Consortia.ConsortiumFormer>();
builder.Services.AddScoped<StrongChain.Docs.Api.Reports.ProgressReportSubmitter>();
builder.Services.AddPdfSigning(builder.Configuration, dataDirectory);
builder.Services.AddPdfRendering(builder.Configuration, dataDirectory);
builder.Services.AddOutbox(builder.Configuration, dataDirectory);
builder.Services.AddDocsForwardedHeaders(builder.Configuration);

var app = builder.Build();

// The store is ready (migrated, seeded) before the first request is taken.
await StorageInitializer.MigrateAsync(app.Services, CancellationToken.None);
await ProgrammeSeeder.SeedAsync(app.Services, CancellationToken.None);
RenderingSetup.ReportRenderer(app);
OutboxSetup.ReportTarget(app);

// First, so everything after sees the client's scheme and address, not the reverse proxy's (docs/deployment.md).
app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
// The add-in's pages (addin/ builds them into wwwroot) are public, like the check they call: / is the start page.
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.MapOpenApi().AllowAnonymous();
// Default deny: every action needs a signed-in caller unless it says [AllowAnonymous] or names a policy.
app.MapControllers().RequireAuthorization();
app.MapDocsHealth();
app.MapRequestEcho();

await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
