using FluentValidation;
using InternalStore.Application.Common;
using InternalStore.Domain.Access;
using Mediator;

namespace InternalStore.Application.Access;

/// <summary>Creates a storefront key. The secret is in the result once and is never stored.</summary>
public sealed record CreateApiKeyCommand(string Name) : ICommand<CreatedApiKey>;

public sealed record CreatedApiKey(ApiKeyDto Key, string Secret);

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyValidator() => RuleFor(x => x.Name).NotEmpty().MaximumLength(100).OverridePropertyName("name");
}

public sealed class CreateApiKeyHandler(IStoreDb db, TimeProvider clock) : ICommandHandler<CreateApiKeyCommand, CreatedApiKey>
{
    public async ValueTask<CreatedApiKey> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        var (key, secret) = ApiKey.Create(command.Name, clock.GetUtcNow());
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(key.ToDto(), secret);
    }
}
