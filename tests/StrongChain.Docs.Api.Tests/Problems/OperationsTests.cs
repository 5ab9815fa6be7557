using System.Net;
using StrongChain.Docs.Api.Tests.Support;

namespace StrongChain.Docs.Api.Tests.Problems;

[Collection(ServiceCollection.Name)]
public sealed class OperationsTests(ServiceFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Health_answers_ok()
    {
        var response = await _client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_contract_routes()
    {
        var document = await (await _client.GetAsync("/openapi/v1.json")).JsonAsync();
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/applications/check", paths);
        Assert.Contains("/api/forms/fields", paths);
        Assert.Contains("/api/templates/application", paths);
        Assert.Contains("/api/rounds/{roundId}", paths);
    }

    [Fact]
    public async Task Unknown_route_is_a_problem_with_a_code()
    {
        var response = await _client.GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("not-found", problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("messageEn").GetString()));
    }

    [Fact]
    public async Task Wrong_method_is_a_problem_with_a_code()
    {
        var response = await _client.GetAsync("/api/applications/check");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("method-not-allowed", (await response.JsonAsync()).GetProperty("code").GetString());
    }
}
