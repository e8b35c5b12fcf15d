using System.Text.Json.Nodes;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using Mediator;

namespace InternalStore.Application.Provisioning;

public sealed record GetScimUserQuery(Caller Caller, string BaseUrl, string Id) : IQuery<JsonObject>, ICallerMessage;

public sealed class GetScimUserHandler(ScimProvisioner provisioner) : IQueryHandler<GetScimUserQuery, JsonObject>
{
    public async ValueTask<JsonObject> Handle(GetScimUserQuery query, CancellationToken cancellationToken) =>
        ScimUser.ToResource(await provisioner.FindAsync(query.Caller, query.Id, cancellationToken), query.BaseUrl);
}
