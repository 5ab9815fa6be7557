using System.Text.Json;
using System.Text.Json.Serialization;
using StrongChain.Docs.Api.Applications;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Api.Programme;
using StrongChain.Docs.Api.Uploads;

var builder = WebApplication.CreateBuilder(args);

builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = UploadReader.MaxRequestBytes);
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(UploadReader.Configure);
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemHandler.AddCode);
builder.Services.AddExceptionHandler<ProblemHandler>();
builder.Services.AddControllers().AddJsonOptions(o =>
    o.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
builder.Services.AddOpenApi();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IProgrammeCatalogue, SampleProgramme>();
builder.Services.AddSingleton<UploadReader>();
builder.Services.AddSingleton<ApplicationChecker>();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOpenApi();
app.MapControllers();
app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
