using InternalStore.Application.Authority;
using FluentValidation;
using InternalStore.Application.Common;
using InternalStore.Domain.Catalog;
using InternalStore.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Catalog;

public sealed record UpdateProductCommand(Caller Caller, string Sku, ProductInput Product) : ICommand<ProductDto>, ICallerMessage;

public sealed class UpdateProductValidator : AbstractValidator<UpdateProductCommand>
{
    public UpdateProductValidator() => this.ProductInputRules(x => x.Product);
}

public sealed class UpdateProductHandler(IStoreDb db, TimeProvider clock) : ICommandHandler<UpdateProductCommand, ProductDto>
{
    public async ValueTask<ProductDto> Handle(UpdateProductCommand command, CancellationToken cancellationToken)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Sku == command.Sku, cancellationToken)
            ?? throw new NotFoundException("Product", command.Sku);
        product.Update(command.Product.ToDetails(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return product.ToDto(includeCost: true);
    }
}
