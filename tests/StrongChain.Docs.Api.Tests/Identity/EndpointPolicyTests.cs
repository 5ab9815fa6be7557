using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StrongChain.Docs.Api.Tests.Support;

namespace StrongChain.Docs.Api.Tests.Identity;

[Collection(Support.ServiceCollection.Name)]
public sealed class EndpointPolicyTests(ServiceFactory factory)
{
    [Fact]
    public void Every_endpoint_names_a_policy_or_says_it_is_anonymous()
    {
        _ = factory.CreateClient();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        Assert.NotEmpty(endpoints);
        var open = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.Empty(open);
    }

    [Fact]
    public async Task Staff_route_without_a_token_is_401_with_a_code()
    {
        var response = await factory.CreateClient().GetAsync("/api/applications/export?roundId=2020-01");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
